import { listenForPosterRequests } from '../../lib/offscreen/poster';

listenForPosterRequests();
