-- Client order ids stay unique per user, but an order placed without one (most bot orders) no longer adds an
-- entry to that index: NULLs never conflict, so the partial index enforces exactly what the constraint did.
alter table orders drop constraint orders_client_order_id;
create unique index orders_client_order_id on orders (user_id, client_order_id) where client_order_id is not null;
