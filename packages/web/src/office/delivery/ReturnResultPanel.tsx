import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../../api/client.ts';
import { useLanguage } from '../../i18n/index.ts';
import { deliverResult } from '../../api/results.ts';
import type { DeliveryMethod, Dossier } from '@motcua/core/api';
import { Alert, Button, Checkbox, RadioGroup, TextArea, TextField } from '../../ui/index.ts';
import { deliveryBody, handoverProblems, type HandoverDraft } from './deliveryBody.ts';
import { SignaturePad } from './SignaturePad.tsx';
import './delivery.css';

const METHODS: readonly DeliveryMethod[] = ['counter', 'post', 'electronic'];

export interface ReturnResultPanelProps {
  dossier: Dossier;
  onDone: (next: Dossier) => void;
  onConflict: () => void;
}

/**
 * "Trả kết quả": hand the result over the way the citizen asked for it — at the counter with the
 * recipient's signature (or typed confirmation), by post, or into their personal store.
 */
export function ReturnResultPanel({ dossier, onDone, onConflict }: ReturnResultPanelProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [draft, setDraft] = useState<HandoverDraft>(() => ({
    method: dossier.resultDelivery,
    recipientName: dossier.applicant.fullName,
    recipientIdNumber: dossier.applicant.idNumber,
    signature: null,
    typed: false,
    typedName: '',
    address: dossier.postalAddress ?? dossier.applicant.addressLine,
  }));
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<HandoverDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problems = handoverProblems(draft);
  const problem = (name: (typeof problems)[number]) => (showProblems && problems.includes(name) ? t(`office:handover.errors.${name}`) : undefined);

  const submit = async () => {
    if (problems.length) {
      setShowProblems(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await deliverResult(dossier.code, deliveryBody(draft, dossier.code)));
    } catch (e) {
      const apiError = toApiError(e);
      setBusy(false);
      if (apiError.status === 409) onConflict();
      setError(apiError);
    }
  };

  return (
    <form
      noValidate
      className="action-form__body handover"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <RadioGroup
        id="handover-method"
        name="handover-method"
        legend={t('office:handover.method')}
        hint={t('office:handover.asked', { method: t(`delivery.${dossier.resultDelivery}`) })}
        value={draft.method}
        onChange={(v) => set({ method: v as DeliveryMethod })}
        options={METHODS.map((m) => ({ value: m, label: t(`delivery.${m}`) }))}
      />
      {draft.method === 'counter' && (
        <>
          <TextField
            id="handover-name"
            label={t('office:handover.recipientName')}
            value={draft.recipientName}
            onChange={(e) => set({ recipientName: e.target.value })}
            error={problem('recipientName')}
            required
            autoComplete="off"
          />
          <TextField
            id="handover-id"
            label={t('office:handover.recipientIdNumber')}
            hint={t('office:handover.idHint')}
            inputMode="numeric"
            value={draft.recipientIdNumber}
            onChange={(e) => set({ recipientIdNumber: e.target.value })}
            error={problem('recipientIdNumber')}
            required
            autoComplete="off"
            className="field--short"
          />
          {!draft.typed && (
            <SignaturePad id="handover-signature" label={t('office:handover.signature')} onChange={(png) => set({ signature: png })} disabled={busy} />
          )}
          {problem('signature') && <p className="field__error">{problem('signature')}</p>}
          <Checkbox
            id="handover-typed"
            label={t('office:handover.typed')}
            hint={t('office:handover.typedHint')}
            checked={draft.typed}
            onChange={(e) => set({ typed: e.target.checked, signature: null })}
          />
          {draft.typed && (
            <TextField
              id="handover-typed-name"
              label={t('office:handover.typedName')}
              value={draft.typedName}
              onChange={(e) => set({ typedName: e.target.value })}
              error={problem('typedName')}
              required
              autoComplete="off"
            />
          )}
        </>
      )}
      {draft.method === 'post' && (
        <TextArea
          id="handover-address"
          label={t('office:handover.address')}
          hint={t('office:handover.addressHint')}
          value={draft.address}
          onChange={(e) => set({ address: e.target.value })}
          error={problem('address')}
          required
          rows={2}
          maxLength={500}
        />
      )}
      {draft.method === 'electronic' && <p>{t('office:handover.electronicHint')}</p>}
      {error && (
        <Alert tone="error">
          <p>{error.status === 409 && !error.detailVi ? t('office:dossier.conflict') : error.messageFor(lang)}</p>
        </Alert>
      )}
      <Button type="submit" disabled={busy}>
        {t(`office:handover.submit.${draft.method}`)}
      </Button>
    </form>
  );
}
