/**
 * Catches a screen that fails to render and shows a calm Spanish message with
 * a way out. The error itself is logged for developers, never shown.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { CrashNotice } from './crash-notice'

interface Props {
  children: ReactNode
  /** Changing this value (e.g. the route) clears a previous failure. */
  resetKey?: unknown
}

interface State {
  failed: boolean
  resetKey: unknown
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, resetKey: props.resetKey }
    return null
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Error de interfaz', error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.failed) return <CrashNotice onRetry={() => this.setState({ failed: false })} />
    return this.props.children
  }
}
