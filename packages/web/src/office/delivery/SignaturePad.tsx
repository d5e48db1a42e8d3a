import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/index.ts';

export interface SignaturePadProps {
  id: string;
  label: string;
  /** PNG data URL after each stroke, null when cleared. */
  onChange: (png: string | null) => void;
  disabled?: boolean;
}

// Drawn at a fixed resolution and scaled by CSS, so the PNG stays small (a few KB, far under the
// server's 256 KB) whatever the screen.
const WIDTH = 600;
const HEIGHT = 200;

/**
 * A signature drawn with a finger, pen or mouse (pointer events). People who cannot sign on a
 * screen, or use only a keyboard, confirm by typing instead — the parent offers that choice.
 */
export function SignaturePad({ id, label, onChange, disabled }: SignaturePadProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0b0c0c';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * WIDTH) / box.width, y: ((e.clientY - box.top) * HEIGHT) / box.height };
  };

  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(null);
  };

  return (
    <div className="signature field">
      <p className="field__label" id={`${id}-label`}>
        {label}
      </p>
      <p className="field__hint" id={`${id}-hint`}>
        {t('office:handover.signHint')}
      </p>
      <canvas
        ref={canvas}
        id={id}
        className="signature__pad"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        onPointerDown={(e) => {
          if (disabled) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = point(e);
        }}
        onPointerMove={(e) => {
          const from = drawing.current;
          const ctx = e.currentTarget.getContext('2d');
          if (!from || !ctx) return;
          const to = point(e);
          ctx.beginPath();
          ctx.moveTo(from.x, from.y);
          ctx.lineTo(to.x, to.y);
          ctx.stroke();
          drawing.current = to;
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = null;
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
        onPointerCancel={() => {
          drawing.current = null;
        }}
      />
      <Button variant="secondary" onClick={clear} disabled={disabled}>
        {t('office:handover.clear')}
      </Button>
    </div>
  );
}
