// Starts the app: Trunk puts this in place of its own loader (see `pattern_script` in
// Trunk.toml), then calls `lancer` with the hashed names of the code.
//
// On a page the server has already written (its first render, `#premier-rendu`), the code
// is fetched once that page is painted, so that what can be read gets the bandwidth first.
// If the code cannot be loaded (connection lost, server restarted with a new version), the
// page says so and offers to try again: never a blank page, never a notice that waits
// forever.
function lancer(js, wasm) {
  const demarrer = () =>
    import(js)
      .then((module) => module.default({ module_or_path: wasm }))
      .catch(echec);
  if (document.getElementById('premier-rendu')) {
    requestAnimationFrame(() => setTimeout(demarrer, 0));
  } else {
    demarrer();
  }
}

function echec(erreur) {
  console.error('Clef ne démarre pas :', erreur);
  if (document.getElementById('echec-demarrage-message')) {
    return;
  }
  // In both languages: the app, which knows the reader's, is what could not load.
  const message = document.createElement('div');
  message.id = 'echec-demarrage-message';
  message.className = 'etat etat--erreur';
  message.setAttribute('role', 'alert');
  const texte = document.createElement('p');
  texte.textContent =
    "Clef n'a pas pu se charger : la connexion a peut-être été coupée. " +
    '/ Clef could not load: the connection may have dropped.';
  const bouton = document.createElement('button');
  bouton.type = 'button';
  bouton.className = 'bouton';
  bouton.textContent = 'Réessayer / Try again';
  bouton.addEventListener('click', () => location.reload());
  message.append(texte, bouton);
  const attente = document.getElementById('chargement-initial');
  const rendu = document.querySelector('#premier-rendu main');
  if (attente) {
    attente.replaceChildren(message);
  } else if (rendu) {
    rendu.prepend(message);
  } else {
    document.body.prepend(message);
  }
  bouton.focus();
}
