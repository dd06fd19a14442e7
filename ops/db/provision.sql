-- Provisions Meridian's database and roles. Run once per environment as a PostgreSQL superuser (or a role
-- with CREATEROLE and CREATEDB), e.g.:
--   psql -v owner_password="'...'" -v app_password="'...'" -f ops/db/provision.sql
-- meridian_owner owns the schema and runs the Flyway migrations; meridian_app is what the platform
-- connects as: it owns nothing, is no superuser and cannot bypass row-level security.
create role meridian_owner login nosuperuser nocreatedb nocreaterole nobypassrls password :owner_password;
create role meridian_app login nosuperuser nocreatedb nocreaterole nobypassrls password :app_password;
create database meridian owner meridian_owner encoding 'UTF8' template template0;
revoke all on database meridian from public;
grant connect on database meridian to meridian_app;
