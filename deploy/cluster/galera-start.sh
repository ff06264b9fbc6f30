#!/bin/sh
# Starts a Galera node through the image's own entrypoint. A node bootstraps a new cluster only when it is the
# first node of a new cluster (GALERA_BOOTSTRAP=yes and no data yet) or when Galera itself marked it as the safe
# one to start from (it was the last to stop: safe_to_bootstrap: 1). Otherwise it joins the others, so a node
# that restarts while the rest run never starts a second cluster.
set -e
state=/var/lib/mysql/grastate.dat
if { [ "${GALERA_BOOTSTRAP:-no}" = yes ] && [ ! -f "$state" ]; } || grep -q '^safe_to_bootstrap: 1' "$state" 2>/dev/null; then
    set -- --wsrep-new-cluster
fi
exec docker-entrypoint.sh mariadbd --wsrep_sst_auth="root:${MARIADB_ROOT_PASSWORD}" "$@"
