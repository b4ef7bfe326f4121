import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/**
 * What the renderer may take from the core as values: the contract's schemas
 * (forms validate with them) and a few pure modules. Anything else from main/
 * is imported as a type only; the rest is asked through window.api.
 */
const RENDERER_CORE_MODULES = [
  'core/contract/operations',
  'core/contract/operation-names',
  'core/contract/session-inputs',
  'core/contract/follow-up-inputs',
  'core/contract/document-inputs',
  'core/contract/packet-inputs',
  'core/model/schema',
  'core/domain/dates',
  'core/domain/text',
  'core/domain/progress',
  'core/domain/csv-columns',
  'core/packets/limits',
]
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const allowedCore = `(?:${RENDERER_CORE_MODULES.map(escape).join('|')})`

const CORE_MESSAGE = 'La interfaz importa del núcleo sólo tipos y los módulos puros de eslint.config.mjs; lo demás se pide al núcleo por window.api.'
/** Any path into main/ (main itself included) but the allowed modules; and the tests' and benchmarks' code, which wraps the core. */
const rendererForbidden = [
  { regex: `(^|/)main(?:$|/(?!${allowedCore}$))`, message: CORE_MESSAGE },
  { regex: '(^|/)(test|bench)(/|$)', message: 'La interfaz no importa código de pruebas ni de mediciones.' },
  { regex: '^node:', message: 'La interfaz corre en el navegador: sin módulos de Node.' },
]
const PRELOAD_MESSAGE = 'El preload sólo importa los nombres de las operaciones (operation-names.ts); los tipos, con import type.'
const rendererPaths = [{ name: 'electron', message: 'La interfaz no usa Electron: todo pasa por window.api.' }]
/** import() is checked as well: a literal path into main/ must be an allowed module, and a computed path is refused. */
// Selectors cannot hold a slash inside a regular expression: \x2F stands for it.
const slash = (pattern) => pattern.replaceAll('\\/', '\\x2F').replaceAll('/', '\\x2F')
const dynamicImports = [
  { selector: `ImportExpression[source.type='Literal'][source.value=/${slash(`(^|/)main(?:$|/(?!${allowedCore}$))`)}/]`, message: CORE_MESSAGE },
  { selector: "ImportExpression:not([source.type='Literal'])", message: 'import() con una ruta calculada no se admite: escriba la ruta del módulo.' },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'docs/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererForbidden.map((pattern) => ({ ...pattern, allowTypeImports: true })) }],
      'no-restricted-syntax': ['error', ...dynamicImports],
    },
  },
  {
    // Plain JavaScript in the renderer has no types to import: the same boundary, without exceptions.
    files: ['renderer/**/*.{js,jsx,mjs,cjs}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererForbidden }],
      'no-restricted-syntax': ['error', ...dynamicImports],
    },
  },
  {
    // The sandboxed preload bundles what it imports: only the operation names, never the schemas.
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(main|test|bench)(?:$|/(?!core/contract/operation-names$))', allowTypeImports: true, message: PRELOAD_MESSAGE }] },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: PRELOAD_MESSAGE }],
    },
  },
  {
    // The core runs under plain Node: it must never reach for Electron.
    files: ['main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'El núcleo no importa Electron: reciba lo que necesite como parámetro.' }] }] },
  },
)
