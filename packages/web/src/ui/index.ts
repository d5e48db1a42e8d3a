export { Alert, type AlertProps, type AlertTone } from './Alert.tsx';
export { Badge, type BadgeProps, type BadgeTone } from './Badge.tsx';
export {
  Button,
  ButtonAnchor,
  ButtonLink,
  buttonClassName,
  type ButtonAnchorProps,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonVariant,
} from './Button.tsx';
export { Card, type CardProps } from './Card.tsx';
export { loginHref } from '../session/SignOut.tsx';
export { Select, type SelectOption, type SelectProps } from './Select.tsx';
export { Spinner, type SpinnerProps } from './Spinner.tsx';
export { TextField, type TextFieldProps } from './TextField.tsx';
export { useDocumentTitle } from './useDocumentTitle.ts';
export { Checkbox, RadioGroup, type CheckboxProps, type RadioGroupProps, type RadioOption } from './Choice.tsx';
export { TextArea, type TextAreaProps } from './TextArea.tsx';
export { ProgressBar, type ProgressBarProps } from './ProgressBar.tsx';
export { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.tsx';
