import { createHash } from 'node:crypto';
import { type Reply, json } from '../http';
import type { ApiRequest } from '../provider';
import { bearerKey } from './auth';
import { TEAM_ID } from './errors';

/** GET /v1/api-key: facts about the key in use. The doc says to treat the body as opaque beyond the status. */
export function handleApiKey(request: ApiRequest): Reply {
  const state = request.takeFault(['key_state'])?.state;
  const key = bearerKey(request) ?? '';
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 32);
  const created = '2025-01-15T09:30:00.000Z';
  return json(200, {
    redacted_api_key: `${key.slice(0, 4)}...${key.slice(-4)}`,
    user_id: '0d9c4a1e-2b7f-4c3a-8e51-6f0a9b2d7c48',
    name: 'Emulator key',
    create_time: created,
    modify_time: created,
    modified_by: '0d9c4a1e-2b7f-4c3a-8e51-6f0a9b2d7c48',
    team_id: TEAM_ID,
    acls: ['api-key:model:*', 'api-key:endpoint:*'],
    api_key_id: keyId,
    team_blocked: state === 'team_blocked',
    api_key_blocked: state === 'api_key_blocked',
    api_key_disabled: state === 'api_key_disabled',
  });
}
