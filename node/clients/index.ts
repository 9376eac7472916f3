import { IOClients } from '@vtex/api'
import { OMS } from '@vtex/clients'

import { OmsOrderList } from './omsOrderList'
import type { OmsReader } from './omsOrders'
import { OmsStory } from './omsStory'
import { PickAndPack } from './pickAndPack'
import { Scheduler } from './scheduler'

/** Infrastructure (apps, vbase, events) comes from IOClients; the sandbox overrides it. */
export class Clients extends IOClients {
  public get pickAndPack() {
    return this.getOrSet('pickAndPack', PickAndPack)
  }

  public get omsStory() {
    return this.getOrSet('omsStory', OmsStory)
  }

  public get omsOrderList() {
    return this.getOrSet('omsOrderList', OmsOrderList)
  }

  public get scheduler() {
    return this.getOrSet('scheduler', Scheduler)
  }

  public get oms(): OmsReader {
    return this.getOrSet('oms', OMS)
  }
}
