// neg-paywall-paragraphs.html
document.querySelectorAll('.story p').forEach(function (p) { p.classList.add('paywall'); });
document.querySelector('.story').classList.add('meteredContent');
