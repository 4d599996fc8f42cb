// SkyX as a CCXT exchange class (CCXT's documented way to add an exchange: describe() with the API map,
// sign() for the request signature, parsers into CCXT's unified structures). REST and watchOrderBook.
// Usage: import skyx from './skyx.js'; const ex = new skyx({ apiKey, secret, urls: { api: { rest, ws } } });
import { createHmac } from 'node:crypto';
import ccxt from 'ccxt';

const TICK_SIZE = 4; // ccxt's precisionMode constant: precision given as the step itself

export default class skyx extends ccxt.Exchange {
  describe() {
    return this.deepExtend(super.describe(), {
      id: 'skyx',
      name: 'SkyX',
      version: 'v1',
      rateLimit: 20,
      precisionMode: TICK_SIZE,
      pro: true,
      has: {
        CORS: undefined, spot: true, margin: false, swap: false, future: false, option: false,
        fetchMarkets: true, fetchTicker: true, fetchOrderBook: true, fetchTrades: true, fetchOHLCV: true,
        fetchBalance: true, createOrder: true, cancelOrder: true, cancelAllOrders: true, fetchOrder: true,
        fetchOpenOrders: true, fetchClosedOrders: true, fetchMyTrades: true, watchOrderBook: true, ws: true,
      },
      timeframes: { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1h', '4h': '4h', '1d': '1d' },
      urls: { api: { rest: 'http://localhost:8080/api/v1', ws: 'ws://localhost:8080/ws' } },
      api: {
        public: {
          get: ['markets', 'markets/{id}/orderbook', 'markets/{id}/trades', 'markets/{id}/candles',
            'markets/{id}/ticker'],
        },
        private: {
          get: ['balances', 'orders', 'orders/{id}', 'my-trades', 'ledger'],
          post: ['orders', 'faucet', 'test-funds'],
          delete: ['orders', 'orders/{id}'],
        },
      },
      requiredCredentials: { apiKey: true, secret: true },
      exceptions: {
        exact: {
          INSUFFICIENT_FUNDS: ccxt.InsufficientFunds,
          UNKNOWN_ORDER: ccxt.OrderNotFound,
          UNKNOWN_MARKET: ccxt.BadSymbol,
          WOULD_TAKE: ccxt.OrderImmediatelyFillable,
          FOK_NOT_FILLED: ccxt.OrderNotFillable,
          DUPLICATE_CLIENT_ORDER_ID: ccxt.DuplicateOrderId,
          INVALID_AMOUNT: ccxt.InvalidOrder,
          INVALID_PRICE: ccxt.InvalidOrder,
          BAD_REQUEST: ccxt.BadRequest,
          MALFORMED_JSON: ccxt.BadRequest,
          MISSING_FIELD: ccxt.BadRequest,
          UNAUTHENTICATED: ccxt.AuthenticationError,
          BAD_SIGNATURE: ccxt.AuthenticationError,
          TIMESTAMP_OUT_OF_WINDOW: ccxt.InvalidNonce,
          REPLAYED_REQUEST: ccxt.InvalidNonce,
          FORBIDDEN: ccxt.PermissionDenied,
          TOO_MANY_ATTEMPTS: ccxt.RateLimitExceeded,
          RATE_LIMITED: ccxt.RateLimitExceeded,
          UNAVAILABLE: ccxt.ExchangeNotAvailable,
        },
      },
    });
  }

  // ---- signing ------------------------------------------------------------------------------------------

  sign(path, api = 'public', method = 'GET', params = {}, headers = undefined, body = undefined) {
    const rest = this.urls.api.rest;
    const request = '/' + this.implodeParams(path, params);
    const query = this.omit(params, this.extractParams(path));
    let pathWithQuery = new URL(rest).pathname + request;
    if (method === 'POST') {
      body = Object.keys(query).length ? this.json(query) : '';
    } else if (Object.keys(query).length) {
      pathWithQuery += '?' + this.urlencode(query);
    }
    headers = body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' };
    if (api === 'private') {
      this.checkRequiredCredentials();
      const timestamp = this.nextTimestamp();
      const payload = timestamp + method + pathWithQuery + (body ?? '');
      headers['X-SKYX-APIKEY'] = this.apiKey;
      headers['X-SKYX-TIMESTAMP'] = timestamp;
      headers['X-SKYX-SIGNATURE'] = createHmac('sha256', Buffer.from(this.secret, 'utf8'))
        .update(Buffer.from(payload, 'utf8')).digest('hex');
    }
    const url = new URL(rest).origin + pathWithQuery;
    return { url, method, body, headers };
  }

  /** Strictly increasing epoch milliseconds, so that no two requests of this client sign the same bytes. */
  nextTimestamp() {
    const now = this.milliseconds();
    this.lastTimestamp = Math.max(now, (this.lastTimestamp ?? 0) + 1);
    return String(this.lastTimestamp);
  }

  handleErrors(code, reason, url, method, headers, body, response) {
    if (response === undefined || code < 400) {
      return undefined;
    }
    const error = this.safeDict(response, 'error', {});
    const errorCode = this.safeString(error, 'code');
    const feedback = this.id + ' ' + errorCode + ': ' + this.safeString(error, 'message', body);
    this.throwExactlyMatchedException(this.exceptions.exact, errorCode, feedback);
    throw new ccxt.ExchangeError(feedback);
  }

  // ---- public -------------------------------------------------------------------------------------------

  async fetchMarkets(params = {}) {
    const markets = await this.publicGetMarkets(params);
    return markets.map((m) => this.parseMarket(m));
  }

  parseMarket(m) {
    const base = this.safeString(m, 'base');
    const quote = this.safeString(m, 'quote');
    return this.safeMarketStructure({
      id: this.safeString(m, 'id'), symbol: base + '/' + quote, base, quote, baseId: base, quoteId: quote,
      type: 'spot', spot: true, margin: false, swap: false, future: false, option: false, contract: false,
      active: true, linear: undefined, inverse: undefined, settle: undefined, settleId: undefined,
      contractSize: undefined, expiry: undefined, expiryDatetime: undefined, strike: undefined, optionType: undefined,
      maker: this.safeNumber(m, 'makerFee'), taker: this.safeNumber(m, 'takerFee'),
      precision: { amount: this.safeNumber(m, 'amountStep'), price: this.safeNumber(m, 'priceStep') },
      limits: {
        amount: { min: this.safeNumber(m, 'minAmount'), max: undefined },
        price: { min: this.safeNumber(m, 'priceStep'), max: undefined },
        cost: { min: undefined, max: undefined }, leverage: { min: undefined, max: undefined },
      },
      created: undefined, info: m,
    });
  }

  async fetchTicker(symbol, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol);
    const t = await this.publicGetMarketsIdTicker(this.extend({ id: market.id }, params));
    const timestamp = this.parse8601(this.safeString(t, 'timestamp'));
    return this.safeTicker({
      symbol, timestamp, datetime: this.iso8601(timestamp), info: t,
      last: this.safeString(t, 'last'), close: this.safeString(t, 'last'), bid: this.safeString(t, 'bid'),
      ask: this.safeString(t, 'ask'), high: this.safeString(t, 'high'), low: this.safeString(t, 'low'),
      baseVolume: this.safeString(t, 'baseVolume'), quoteVolume: this.safeString(t, 'quoteVolume'),
    }, market);
  }

  async fetchOrderBook(symbol, limit = undefined, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol);
    const request = { id: market.id };
    if (limit !== undefined) request.limit = limit;
    const book = await this.publicGetMarketsIdOrderbook(this.extend(request, params));
    const timestamp = this.parse8601(this.safeString(book, 'timestamp'));
    const result = this.parseOrderBook(book, symbol, timestamp, 'bids', 'asks');
    result.nonce = this.safeInteger(book, 'sequence');
    return result;
  }

  async fetchTrades(symbol, since = undefined, limit = undefined, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol);
    const request = { id: market.id };
    if (limit !== undefined) request.limit = limit;
    const trades = await this.publicGetMarketsIdTrades(this.extend(request, params));
    return this.parseTrades(trades, market, since, limit);
  }

  async fetchOHLCV(symbol, timeframe = '1m', since = undefined, limit = undefined, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol);
    const request = { id: market.id, timeframe: this.safeString(this.timeframes, timeframe, timeframe) };
    if (limit !== undefined) request.limit = limit;
    const candles = await this.publicGetMarketsIdCandles(this.extend(request, params));
    return this.parseOHLCVs(candles, market, timeframe, since, limit);
  }

  parseOHLCV(c, market = undefined) {
    return [this.safeInteger(c, 'time') * 1000, this.safeNumber(c, 'open'), this.safeNumber(c, 'high'),
      this.safeNumber(c, 'low'), this.safeNumber(c, 'close'), this.safeNumber(c, 'volume')];
  }

  parseTrade(t, market = undefined) {
    const timestamp = this.parse8601(this.safeString(t, 'timestamp'));
    const marketId = this.safeString(t, 'market');
    market = this.safeMarket(marketId, market);
    const feeCost = this.safeString(t, 'fee');
    return this.safeTrade({
      id: this.safeString(t, 'id'), order: this.safeString(t, 'orderId'), info: t, timestamp,
      datetime: this.iso8601(timestamp), symbol: market.symbol, type: undefined, side: this.safeString(t, 'side'),
      takerOrMaker: this.safeString(t, 'role'), price: this.safeString(t, 'price'), amount: this.safeString(t, 'amount'),
      cost: undefined,
      fee: feeCost === undefined ? undefined : { cost: feeCost, currency: this.safeString(t, 'feeAsset') },
    }, market);
  }

  // ---- private ------------------------------------------------------------------------------------------

  async fetchBalance(params = {}) {
    const balances = await this.privateGetBalances(params);
    const result = { info: balances };
    for (const code of Object.keys(balances)) {
      const b = balances[code];
      result[code] = { free: this.safeString(b, 'free'), used: this.safeString(b, 'used'), total: this.safeString(b, 'total') };
    }
    return this.safeBalance(result);
  }

  async createOrder(symbol, type, side, amount, price = undefined, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol);
    const request = { market: market.id, side, type };
    if (type === 'market' && side === 'buy') {
      const cost = this.safeString(params, 'cost');
      if (cost === undefined) {
        throw new ccxt.ArgumentsRequired(this.id + ' createOrder() market buy needs params.cost (quote to spend)');
      }
      request.cost = this.decimalToPrecision(cost, 0, market.precision.price, TICK_SIZE);
      params = this.omit(params, 'cost');
    } else {
      request.amount = this.amountToPrecision(symbol, amount);
    }
    if (type === 'limit') {
      request.price = this.priceToPrecision(symbol, price);
    }
    const timeInForce = this.safeStringUpper(params, 'timeInForce');
    if (this.safeBool(params, 'postOnly', false)) {
      request.timeInForce = 'PO';
    } else if (timeInForce !== undefined) {
      request.timeInForce = timeInForce;
    }
    const clientOrderId = this.safeString2(params, 'clientOrderId', 'clientOid');
    if (clientOrderId !== undefined) request.clientOrderId = clientOrderId;
    const order = await this.privatePostOrders(this.extend(request,
      this.omit(params, ['timeInForce', 'postOnly', 'clientOrderId', 'clientOid'])));
    return this.parseOrder(order, market);
  }

  async cancelOrder(id, symbol = undefined, params = {}) {
    await this.loadMarkets();
    return this.parseOrder(await this.privateDeleteOrdersId(this.extend({ id }, params)));
  }

  async cancelAllOrders(symbol = undefined, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol ?? this.symbols[0]);
    const orders = await this.privateDeleteOrders(this.extend({ market: market.id }, params));
    return this.parseOrders(orders, market);
  }

  async fetchOrder(id, symbol = undefined, params = {}) {
    await this.loadMarkets();
    return this.parseOrder(await this.privateGetOrdersId(this.extend({ id }, params)));
  }

  async fetchOrdersByStatus(status, symbol, since, limit, params) {
    await this.loadMarkets();
    const request = { status };
    let market;
    if (symbol !== undefined) {
      market = this.market(symbol);
      request.market = market.id;
    }
    if (limit !== undefined) request.limit = limit;
    const orders = await this.privateGetOrders(this.extend(request, params));
    return this.parseOrders(orders, market, since, limit);
  }

  async fetchOpenOrders(symbol = undefined, since = undefined, limit = undefined, params = {}) {
    return this.fetchOrdersByStatus('open', symbol, since, limit, params);
  }

  async fetchClosedOrders(symbol = undefined, since = undefined, limit = undefined, params = {}) {
    return this.fetchOrdersByStatus('closed', symbol, since, limit, params);
  }

  async fetchMyTrades(symbol = undefined, since = undefined, limit = undefined, params = {}) {
    await this.loadMarkets();
    const request = {};
    let market;
    if (symbol !== undefined) {
      market = this.market(symbol);
      request.market = market.id;
    }
    if (limit !== undefined) request.limit = limit;
    const trades = await this.privateGetMyTrades(this.extend(request, params));
    return this.parseTrades(trades, market, since, limit);
  }

  parseOrder(o, market = undefined) {
    market = this.safeMarket(this.safeString(o, 'market'), market);
    const timestamp = this.parse8601(this.safeString(o, 'timestamp'));
    const statuses = { open: 'open', closed: 'closed', canceled: 'canceled', rejected: 'rejected' };
    const tif = this.safeString(o, 'timeInForce');
    return this.safeOrder({
      id: this.safeString(o, 'id'), clientOrderId: this.safeString(o, 'clientOrderId'), info: o, timestamp,
      datetime: this.iso8601(timestamp), lastTradeTimestamp: undefined, symbol: market.symbol,
      type: this.safeString2(o, 'orderType', 'type'), timeInForce: tif, postOnly: tif === 'PO',
      side: this.safeString(o, 'side'), price: this.safeString(o, 'price'), amount: this.safeString(o, 'amount'),
      filled: this.safeString(o, 'filled'), remaining: this.safeString(o, 'remaining'),
      cost: this.safeString(o, 'cost'), status: this.safeString(statuses, this.safeString(o, 'status')),
      average: undefined, trades: undefined, fee: undefined,
    }, market);
  }

  // ---- WebSocket: watchOrderBook ---------------------------------------------------------------------------

  async watchOrderBook(symbol, limit = undefined, params = {}) {
    await this.loadMarkets();
    const market = this.market(symbol);
    const messageHash = 'book:' + market.id;
    if (this.urls.api.ws.startsWith('ws://')) {
      await this.loadHttpProxyAgent(); // ccxt needs an http agent for plain ws:// (the local platform)
    }
    const request = this.extend({ op: 'subscribe', channel: 'book', market: market.id }, params);
    const orderbook = await this.watch(this.urls.api.ws, messageHash, request, messageHash);
    return orderbook.limit();
  }

  handleMessage(client, message) {
    if (message.channel !== 'book') {
      return;
    }
    const market = this.safeMarket(message.market);
    const messageHash = 'book:' + market.id;
    const seq = this.safeInteger(message, 'seq');
    if (message.type === 'snapshot') {
      const book = this.orderBook({}, undefined);
      book.reset(this.parseOrderBook(message, market.symbol, undefined, 'bids', 'asks'));
      book.nonce = seq;
      this.orderbooks[market.symbol] = book;
    } else if (message.type === 'delta') {
      const book = this.orderbooks[market.symbol];
      if (book === undefined) {
        return;
      }
      if (book.nonce !== undefined && seq !== undefined && seq <= book.nonce) {
        return; // already applied (resubscription overlap)
      }
      for (const [side, key] of [['bids', 'bids'], ['asks', 'asks']]) {
        for (const [price, amount] of message[key] ?? []) {
          book[side].store(this.parseNumber(price), this.parseNumber(amount));
        }
      }
      book.nonce = seq;
    } else {
      return;
    }
    client.resolve(this.orderbooks[market.symbol], messageHash);
  }
}
