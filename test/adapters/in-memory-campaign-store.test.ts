import { InMemoryCampaignStore } from '../../src/adapters/local/in-memory-campaign-store.ts';
import { describeCampaignStoreContract } from './campaign-store-contract.ts';

describeCampaignStoreContract('InMemoryCampaignStore', async () => new InMemoryCampaignStore());
