#!/usr/bin/env bash
# `make restore-check`: a drill of the database backup and restore in docs/deploy.md.
# Loads the demo programme into pc_backup_src, dumps it with pg_dump, restores the dump into
# pc_restore_check, compares every table's row count, then runs smoke checks (migrations,
# check --deploy, health, public and signed-in pages) on the restored copy. Drops both at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL=${RESTORE_CHECK_POSTGRES:-postgres://postgres@127.0.0.1:5432}
WORK=$(mktemp -d /tmp/restore-check-XXXX)
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=restore-check-only-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
export ALLOWED_HOSTS=champions.test REDIS_URL=redis://127.0.0.1:6379/13 LOG_LEVEL=WARNING
export MEDIA_ROOT=$WORK/media PRIVATE_MEDIA_ROOT=$WORK/private STATIC_ROOT=$WORK/static
for db in pc_backup_src pc_restore_check; do psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null; done
psql "$PGURL/postgres" -qc "CREATE DATABASE pc_backup_src"
echo "== source: migrate and load the demo programme"
DATABASE_URL=$PGURL/pc_backup_src .venv/bin/python manage.py migrate --noinput >/dev/null
DATABASE_URL=$PGURL/pc_backup_src .venv/bin/python manage.py load_demo | grep -i "demo content"
.venv/bin/python manage.py collectstatic --noinput >/dev/null
echo "== backup"
time pg_dump --format=custom --no-owner --no-acl -d "$PGURL/pc_backup_src" -f "$WORK/pc.dump"
ls -la "$WORK/pc.dump"
echo "== restore into a new database"
psql "$PGURL/postgres" -qc "CREATE DATABASE pc_restore_check"
time pg_restore --no-owner --no-acl --exit-on-error -d "$PGURL/pc_restore_check" "$WORK/pc.dump"
echo "== smoke checks on the restored database"
tables=$(psql "$PGURL/pc_backup_src" -tAc "select tablename from pg_tables where schemaname='public' order by 1")
same=0; differ=0; rows=0
for t in $tables; do
  a=$(psql "$PGURL/pc_backup_src" -tAc "select count(*) from \"$t\"")
  b=$(psql "$PGURL/pc_restore_check" -tAc "select count(*) from \"$t\"")
  if [ "$a" = "$b" ]; then same=$((same+1)); rows=$((rows+a)); else differ=$((differ+1)); echo "differs: $t $a $b"; fi
done
echo "tables with the same row count: $same ($rows rows); differing: $differ"
[ "$differ" = 0 ]
export DATABASE_URL=$PGURL/pc_restore_check
.venv/bin/python manage.py migrate --check && echo "migrate --check: no migration to apply"
.venv/bin/python manage.py check --deploy
.venv/bin/python manage.py shell <<'PY'
from django.test import Client
from accounts import demo
c = Client(HTTP_HOST="champions.test", HTTP_X_FORWARDED_PROTO="https")
failures = []
def expect(what, held):
    print("ok  " if held else "FAIL", what)
    failures.extend([] if held else [what])
expect("health/ready", c.get("/health/ready").status_code == 200)
for path in ["/", "/stories/", "/events/public/", "/sitemap.xml", "/feeds/stories/"]:
    expect(path, c.get(path).status_code == 200)
expect("the demo champion signs in", c.login(username=demo.CHAMPION_EMAIL, password=demo.DEMO_PASSWORD))
for path in ["/dashboard/", "/dashboard/expenses/", "/dashboard/activity/", "/events/"]:
    expect(path, c.get(path).status_code == 200)
c.logout()
expect("the demo coordinator signs in", c.login(username=demo.STAFF_EMAIL, password=demo.DEMO_PASSWORD))
for path in ["/admin/", "/admin/pages/"]:
    expect(path, c.get(path).status_code == 200)
raise SystemExit(1 if failures else 0)
PY
for db in pc_backup_src pc_restore_check; do psql "$PGURL/postgres" -qc "DROP DATABASE $db WITH (FORCE)"; done
rm -rf "$WORK"
