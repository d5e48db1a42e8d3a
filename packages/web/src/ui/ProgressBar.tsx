import './forms.css';

export interface ProgressBarProps {
  /** What is progressing, e.g. "Đang tải lên giay-chung-sinh.jpg". */
  label: string;
  /** 0–1, or null when the size is unknown. */
  value: number | null;
}

/** A native <progress>: screen readers announce its value; the percentage is also written out. */
export function ProgressBar({ label, value }: ProgressBarProps) {
  const percent = value === null ? null : Math.round(Math.min(Math.max(value, 0), 1) * 100);
  return (
    <div className="progress">
      <span className="progress__label">
        {label}
        {percent !== null && <span className="progress__percent"> {percent}%</span>}
      </span>
      <progress className="progress__bar" max={100} value={percent ?? undefined} aria-label={label} />
    </div>
  );
}
