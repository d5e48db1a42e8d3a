import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../ui/index.ts';
import type { Period } from './figures.ts';

export interface PeriodFormProps {
  /** Units the official may choose from; empty for a system administrator, who types a code. */
  units: readonly string[];
  unit: string;
  period: Period;
  onSubmit: (next: { unit: string } & Period) => void;
}

/** Unit and from/to dates; applied on "Xem số liệu" so the figures do not reload at each keystroke. */
export function PeriodForm({ units, unit, period, onSubmit }: PeriodFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ unit, ...period });
  const [error, setError] = useState<'period' | 'unit' | null>(null);
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="filters insights-period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!/^\d{2}(\d{3})?$/.test(draft.unit)) return setError('unit');
        if (!draft.from || !draft.to || draft.from > draft.to) return setError('period');
        setError(null);
        onSubmit(draft);
      }}
    >
      {units.length > 1 && (
        <Select
          label={t('office:insights.unit')}
          options={units.map((u) => ({ value: u, label: u }))}
          value={draft.unit}
          onChange={(e) => set({ unit: e.target.value })}
        />
      )}
      {units.length === 0 && (
        <TextField
          label={t('office:insights.unitCode')}
          inputMode="numeric"
          value={draft.unit}
          onChange={(e) => set({ unit: e.target.value.trim() })}
          error={error === 'unit' ? t('office:insights.badUnit') : undefined}
          autoComplete="off"
        />
      )}
      <TextField
        type="date"
        label={t('office:insights.from')}
        value={draft.from}
        max={draft.to || undefined}
        onChange={(e) => set({ from: e.target.value })}
        error={error === 'period' ? t('office:insights.badPeriod') : undefined}
        required
      />
      <TextField
        type="date"
        label={t('office:insights.to')}
        value={draft.to}
        min={draft.from || undefined}
        onChange={(e) => set({ to: e.target.value })}
        required
      />
      <div className="field">
        <Button type="submit">{t('office:insights.show')}</Button>
      </div>
    </form>
  );
}
