/*
 * The text keeper: what a person types into an autosaved field is also kept in this tab's sessionStorage
 * (never localStorage: on a shared office computer it must be gone when the tab closes), so it outlives a
 * server restart, a database restart, a network blip and an expired session. Fed by org.encounter.base.ui.TextKeeper.
 *
 * - keep(field, key): every keystroke is written under key. If a kept text is already there (the page was
 *   reloaded, the person signed in again) and differs from what the server shows, it is put back into the
 *   field by the server, which saves it the normal way (the server still checks it); returns the text to put back, or null.
 * - saved(key, hash): the server saved a text with this hash (Java's String.hashCode); if that is what is
 *   kept, it is no longer needed.
 * - forgetAll(): on sign-out.
 * While the connection is lost, or the server is retrying a save, every save status on the page says that
 * the text is kept on this device (the class "kept" on .save-status).
 */
const PREFIX = 'encounter-kept:';

function read(key) {
  try {
    return window.sessionStorage.getItem(PREFIX + key);
  } catch (e) {
    return null;
  }
}

function write(key, value) {
  try {
    window.sessionStorage.setItem(PREFIX + key, value);
  } catch (e) {
    // Storage full or switched off: the server's own retries are all that is left.
  }
}

function remove(key) {
  try {
    window.sessionStorage.removeItem(PREFIX + key);
  } catch (e) {
    // nothing kept
  }
}

/** Java's String.hashCode, so the server can say what it saved without sending the text back. */
function hash(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  }
  return h;
}

const fields = new Map();

function anyUnsaved() {
  for (const [key, field] of fields) {
    if (!field.isConnected) {
      fields.delete(key);
    } else if (read(key) !== null) {
      return true;
    }
  }
  return false;
}

function connectionLost() {
  const state = window.Vaadin && window.Vaadin.connectionState && window.Vaadin.connectionState.state;
  return state === 'reconnecting' || state === 'connection-lost';
}

function showStatus() {
  const unsaved = anyUnsaved();
  for (const status of document.querySelectorAll('.save-status')) {
    const retrying = status.getAttribute('data-state') === 'retrying';
    status.classList.toggle('kept', unsaved && (connectionLost() || retrying));
  }
}

const keeper = {
  keep(field, key) {
    fields.set(key, field);
    if (!field.__encounterKept) {
      field.__encounterKept = true;
      field.addEventListener('input', () => {
        write(field.__encounterKey, field.value == null ? '' : String(field.value));
        showStatus();
      });
    }
    field.__encounterKey = key;
    const kept = read(key);
    const shown = field.value == null ? '' : String(field.value);
    if (kept === null) {
      return null;
    }
    if (kept === shown || field.readonly || field.disabled) {
      remove(key);
      return null;
    }
    // The server puts it back and saves it as the person's own change (Flow does not send a property change
    // made while it applies the server's response, so setting it here would only show it).
    return kept;
  },

  saved(key, savedHash) {
    const kept = read(key);
    if (kept !== null && hash(kept) === savedHash) {
      remove(key);
    }
    showStatus();
  },

  forgetAll() {
    try {
      const storage = window.sessionStorage;
      for (let i = storage.length - 1; i >= 0; i--) {
        const name = storage.key(i);
        if (name && name.startsWith(PREFIX)) {
          storage.removeItem(name);
        }
      }
    } catch (e) {
      // nothing kept
    }
  },
};

if (!window.encounterKeeper) {
  window.encounterKeeper = keeper;
  // The connection state has no event of its own here: a light look once a second, only while fields are kept.
  window.setInterval(() => {
    if (fields.size > 0) {
      showStatus();
    }
  }, 1000);
}
