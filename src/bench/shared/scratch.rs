//! The benchmark's scratch space on a shared server: a database of its own, set up with
//! `server init`, and logins of its own, all dropped again when the run ends (also when it
//! fails), so the benchmark can run any number of times and never touches a real campaign.

use postgres::Client;

use crate::store::postgres::connect::Target;
use crate::store::postgres::init;
use crate::store::postgres::users::{self, AppRole};
use crate::store::postgres::{PgError, PgStore};
use crate::Result;

/// What the benchmark needs the URL's login to be, and why (for the refusal).
const NEEDS: &str = "panelmark bench on a shared server (it creates a scratch database, sets up \
                     Panelmark's schema there and creates logins, then drops them)";

/// A scratch database and its logins; dropped with it.
pub(super) struct Scratch {
    /// The URL's server and superuser, on the scratch database.
    admin: Target,
    /// The URL's own database, to drop the scratch one from.
    home: Target,
    /// The scratch database's name.
    pub dbname: String,
    /// Every login made for this run, so that all are dropped.
    logins: Vec<String>,
    /// The password every benchmark login gets (random, never shown).
    password: String,
}

impl Scratch {
    /// Creates the scratch database on the server `url` names and runs `server init` in it.
    /// The URL's login must be a superuser (`server init` and `user add` need one).
    pub fn create(url: &str) -> Result<Scratch> {
        let home = Target::parse(url)?;
        let mut client = home.connect()?;
        init::require_superuser(&mut client, NEEDS)?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // Two runs in one process (the tests) must not collide either.
        static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dbname = format!("panelmark_bench_{stamp}_{}_{run}", std::process::id());
        client
            .batch_execute(&format!(
                "CREATE DATABASE {dbname} ENCODING 'UTF8' TEMPLATE template0"
            ))
            .map_err(PgError::from)?;
        let mut random = [0u8; 18];
        getrandom::fill(&mut random)
            .map_err(|e| crate::Error::Conflict(format!("no random bytes for a password: {e}")))?;
        let scratch = Scratch {
            admin: home.on_database(&dbname),
            home,
            dbname,
            logins: Vec::new(),
            password: hex::encode(random),
        };
        init::init_server(&mut scratch.admin_client()?)?;
        Ok(scratch)
    }

    /// The URL's superuser, on the scratch database.
    pub fn admin_client(&self) -> Result<Client> {
        let mut client = self.admin.connect()?;
        client
            .batch_execute(&format!(
                "SET search_path = {}",
                crate::store::postgres::SCHEMA
            ))
            .map_err(PgError::from)?;
        Ok(client)
    }

    /// Creates the login `who` (prefixed with the scratch database's name, since logins
    /// belong to the whole server) with `role`, as `user add` does; returns the login.
    pub fn add_login(&mut self, who: &str, role: AppRole, name: &str) -> Result<String> {
        // "panelmark_" is a reserved login prefix; the database's name minus it is unique.
        let login = format!("pmb{}_{who}", &self.dbname["panelmark_bench".len()..]);
        users::add_user(
            &mut self.admin_client()?,
            &login,
            role,
            Some(name),
            Some(&self.password),
        )?;
        self.logins.push(login.clone());
        Ok(login)
    }

    /// A connection signed in as `login` (SCRAM, as a person's laptop signs in).
    pub fn client_as(&self, login: &str) -> Result<Client> {
        Ok(self.admin.as_login(login, &self.password).connect()?)
    }

    /// The shared backend signed in as `login`.
    pub fn store_as(&self, login: &str) -> Result<PgStore> {
        PgStore::from_client(self.client_as(login)?)
    }

    /// Reads a server setting (`SHOW name`).
    pub fn setting(&self, name: &str) -> Result<String> {
        Ok(self
            .admin_client()?
            .query_one(&format!("SHOW {name}"), &[])
            .map_err(PgError::from)?
            .get(0))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let Ok(mut client) = self.home.connect() else {
            eprintln!(
                "bench: could not reconnect to drop the scratch database {}; drop it and the \
                 logins starting with pmb{} by hand",
                self.dbname,
                &self.dbname["panelmark_bench".len()..]
            );
            return;
        };
        let dropped = client.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.dbname
        ));
        if let Err(e) = dropped {
            eprintln!(
                "bench: the scratch database {} was not dropped: {e}",
                self.dbname
            );
        }
        for login in &self.logins {
            // Logins are checked names (lower-case letters, digits, _): safe unquoted.
            if let Err(e) = client.batch_execute(&format!("DROP ROLE IF EXISTS \"{login}\"")) {
                eprintln!("bench: the login {login} was not dropped: {e}");
            }
        }
    }
}
