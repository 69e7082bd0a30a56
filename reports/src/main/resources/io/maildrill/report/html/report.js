// Outcome filters for the maildrill report. Expansion of scripts uses native <details>, so the page
// stays usable when scripts are disabled; this only hides rows and records that it ran.
(function () {
  var buttons = document.querySelectorAll('.filter');
  var scripts = document.querySelectorAll('details.script');
  function apply(filter) {
    for (var i = 0; i < scripts.length; i++) {
      var show = filter === 'all' || scripts[i].getAttribute('data-outcome') === filter;
      scripts[i].hidden = !show;
    }
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].classList.toggle('active', buttons[j].getAttribute('data-filter') === filter);
    }
  }
  for (var k = 0; k < buttons.length; k++) {
    buttons[k].addEventListener('click', function (event) {
      apply(event.currentTarget.getAttribute('data-filter'));
    });
  }
  // A catalog link opens the script it points to.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.cov');
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (target) { apply('all'); target.open = true; }
  });
  document.documentElement.setAttribute('data-js', 'ready');
})();
