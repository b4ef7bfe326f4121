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
]
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const allowedCore = `(?:${RENDERER_CORE_MODULES.map(escape).join('|')})`

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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'La interfaz no usa Electron: todo pasa por window.api.' }],
          patterns: [
            {
              regex: `(^|/)main/(?!${allowedCore}$)`,
              allowTypeImports: true,
              message: 'La interfaz importa del núcleo sólo tipos y los módulos puros de eslint.config.mjs; lo demás se pide al núcleo por window.api.',
            },
            { regex: '^node:', message: 'La interfaz corre en el navegador: sin módulos de Node.' },
          ],
        },
      ],
    },
  },
  {
    // The sandboxed preload bundles what it imports: only the operation names, never the schemas.
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)main/(?!core/contract/operation-names$)', allowTypeImports: true, message: 'El preload sólo importa los nombres de las operaciones (operation-names.ts); los tipos, con import type.' }] },
      ],
    },
  },
  {
    // The core runs under plain Node: it must never reach for Electron.
    files: ['main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'El núcleo no importa Electron: reciba lo que necesite como parámetro.' }] }] },
  },
)
