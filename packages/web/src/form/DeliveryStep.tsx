import { useTranslation } from 'react-i18next';
import { RadioGroup, TextArea } from '../ui/index.ts';
import { formErrorText } from './messages.ts';
import type { FormError } from './validate.ts';
import type { DeliveryMethod } from '@motcua/core/api';

export interface DeliveryStepProps {
  delivery: DeliveryMethod | '';
  postalAddress: string;
  errors: Map<string, FormError>;
  idPrefix: string;
  onChange: (patch: { delivery?: DeliveryMethod; postalAddress?: string }) => void;
}

export function DeliveryStep({ delivery, postalAddress, errors, idPrefix, onChange }: DeliveryStepProps) {
  const { t } = useTranslation();
  const deliveryError = errors.get('delivery');
  const addressError = errors.get('postalAddress');
  return (
    <>
      <RadioGroup
        id={`${idPrefix}-delivery`}
        name={`${idPrefix}-delivery`}
        legend={t('wizard.deliveryLegend')}
        value={delivery}
        onChange={(value) => onChange({ delivery: value as DeliveryMethod })}
        error={deliveryError ? formErrorText(deliveryError, t, { choice: true }) : undefined}
        required
        options={[
          { value: 'counter', label: t('delivery.counter'), hint: t('wizard.counterHint') },
          { value: 'post', label: t('delivery.post'), hint: t('wizard.postHint') },
          { value: 'electronic', label: t('delivery.electronic'), hint: t('wizard.electronicHint') },
        ]}
      />
      {delivery === 'post' && (
        <TextArea
          id={`${idPrefix}-postalAddress`}
          label={t('wizard.postalAddress')}
          value={postalAddress}
          maxLength={300}
          required
          autoComplete="street-address"
          error={addressError ? formErrorText(addressError, t) : undefined}
          onChange={(event) => onChange({ postalAddress: event.target.value })}
        />
      )}
    </>
  );
}
