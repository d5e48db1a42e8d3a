import { useEffect, useState } from 'react';
import type { ReceiveDossierOp } from '@motcua/core/api';
import type { Sealer } from '../sync/crypto.ts';
import type { OutboxItem } from '../sync/types.ts';

/** What the field pages read back from a sealed receive_dossier op (the contract's op body). */
export type ReceiveBody = Pick<ReceiveDossierOp, 'dossier'>;

/** The decrypted body of an op while it is still on the device (null once synced and forgotten). */
export function useOpBody<T>(sealer: Sealer, item: OutboxItem | undefined): T | null {
  const [body, setBody] = useState<T | null>(null);
  const sealed = item?.sealed;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read only when another item is shown or it gets sealed, not when the object is rebuilt
  useEffect(() => {
    let live = true;
    if (!item || !sealed) setBody(null);
    else
      void sealer.openJson<T>(sealed, item.id).then(
        (b) => live && setBody(b),
        () => live && setBody(null),
      );
    return () => {
      live = false;
    };
  }, [sealer, item?.id, sealed]); // eslint-disable-line react-hooks/exhaustive-deps
  return body;
}
