export interface SpinnerProps {
  /** Visible text next to the wheel, e.g. "Đang tải…"; also what screen readers announce. */
  label: string;
  size?: 'small' | 'large';
}

export function Spinner({ label, size = 'large' }: SpinnerProps) {
  return (
    <div className={`spinner spinner--${size}`} role="status">
      <span className="spinner__wheel" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </div>
  );
}
