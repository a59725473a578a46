/**
 * The HTML documents of the simulated web's page hosts: small stand-ins for
 * python.org, the asyncio docs and PyPI, with their real `<title>` texts and
 * the kind of markup a scraper meets (doctype, conditional comments, scripts
 * containing `<`, entities, a heading with a permalink inside it). The prose
 * is ours; only the titles are the real sites'.
 */

/** The `<title>` of each page, decoded, as `soup.title.string` returns it. */
export const PAGE_TITLES = {
  python: "Welcome to Python.org",
  asyncioDocs: "asyncio — Asynchronous I/O — Python 3.14 documentation",
  pypi: "PyPI · The Python Package Index",
  example: "Example Domain",
  slow: "Slow Example",
} as const;

/** `https://www.python.org/`: the Python home page. */
export const PYTHON_HOME = `<!doctype html>
<!--[if lt IE 8]>      <html class="no-js ie7 lt-ie8 lt-ie9">  <![endif]-->
<!--[if gt IE 8]><!--><html class="no-js" lang="en" dir="ltr">  <!--<![endif]-->
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="description" content="The official home of the Python Programming Language">
    <title>Welcome to Python.org</title>
    <link rel="stylesheet" href="/static/stylesheets/style.css" title="default">
    <script>
        if (window.innerWidth < 480 && document.cookie.indexOf("menu=") < 0) { document.documentElement.className += " small"; }
    </script>
</head>
<body class="python home" id="homepage">
    <div id="touchnav-wrapper">
        <header class="main-header" role="banner">
            <h1 class="site-headline"><a href="/"><img class="python-logo" src="/static/img/python-logo.png" alt="python&trade;"></a></h1>
            <nav id="mainnav" class="main-navigation" role="navigation">
                <ul class="navigation menu" role="menubar">
                    <li id="about" class="tier-1 element-1"><a href="/about/" title="About">About</a>
                    <li id="downloads" class="tier-1 element-2"><a href="/downloads/" title="Downloads">Downloads</a>
                    <li id="documentation" class="tier-1 element-3"><a href="/doc/" title="Documentation">Documentation</a>
                    <li id="community" class="tier-1 element-4"><a href="/community/" title="Community">Community</a>
                </ul>
            </nav>
        </header>
        <main id="content" class="content-wrapper" role="main">
            <section class="introduction">
                <p>Python is a programming language that lets you work quickly
                and integrate systems more effectively. <a class="readmore" href="/doc/">Learn More</a></p>
            </section>
            <div class="small-widget get-started-widget">
                <h2 class="widget-title">Get Started</h2>
                <p>Whether you&#8217;re new to programming or an experienced developer, it&#39;s easy to learn &amp; use Python.</p>
            </div>
            <div class="small-widget download-widget">
                <h2 class="widget-title">Download</h2>
                <p>Latest: <a href="/downloads/release/python-3140/">Python 3.14.0</a></p>
            </div>
        </main>
        <footer class="main-footer" role="contentinfo">
            <p><small>Copyright &copy;2001&ndash;2025 Python Software Foundation &middot; <a href="/about/legal/">Legal Statements</a></small></p>
        </footer>
    </div>
</body>
</html>
`;

/** `https://docs.python.org/3/library/asyncio.html`, in Sphinx's markup. */
export const ASYNCIO_DOCS = `<!DOCTYPE html>
<html lang="en" data-content_root="../">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" /><meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta property="og:title" content="asyncio — Asynchronous I/O" />
    <title>asyncio — Asynchronous I/O &#8212; Python 3.14 documentation</title>
    <link rel="stylesheet" type="text/css" href="../_static/pydoctheme.css" />
    <script src="../_static/documentation_options.js"></script>
  </head><body>
    <div class="related" role="navigation" aria-label="Related">
      <h3>Navigation</h3>
      <ul>
        <li class="right"><a href="asyncio-runner.html" title="Runners" accesskey="N">next</a> |</li>
        <li><a href="../index.html">3.14 Documentation</a> &#187;</li>
      </ul>
    </div>
    <div class="document">
      <div class="body" role="main">
  <section id="module-asyncio">
<span id="asyncio-asynchronous-i-o"></span><h1><code class="xref py py-mod docutils literal notranslate"><span class="pre">asyncio</span></code> &#8212; Asynchronous I/O<a class="headerlink" href="#module-asyncio" title="Link to this heading">¶</a></h1>
<hr class="docutils" />
<p>asyncio is a library to write <strong>concurrent</strong> code using the <strong>async/await</strong> syntax.</p>
<p>It is the foundation of many Python frameworks for networking, web servers, database clients and task queues.</p>
<div class="highlight-python3 notranslate"><div class="highlight"><pre><span></span><span class="k">async</span> <span class="k">def</span> <span class="nf">main</span><span class="p">():</span>
    <span class="nb">print</span><span class="p">(</span><span class="s1">&#39;Hello ...&#39;</span><span class="p">)</span>
    <span class="k">await</span> <span class="n">asyncio</span><span class="o">.</span><span class="n">sleep</span><span class="p">(</span><span class="mi">1</span><span class="p">)</span>
    <span class="nb">print</span><span class="p">(</span><span class="s1">&#39;... World!&#39;</span><span class="p">)</span>

<span class="n">asyncio</span><span class="o">.</span><span class="n">run</span><span class="p">(</span><span class="n">main</span><span class="p">())</span>
</pre></div>
</div>
<p>The high-level APIs let you run coroutines concurrently &amp; control their execution, perform network I/O,
distribute tasks via queues and synchronize concurrent code.</p>
<div class="toctree-wrapper compound">
<p class="caption" role="heading"><span class="caption-text">High-level APIs</span></p>
<ul>
<li class="toctree-l1"><a class="reference internal" href="asyncio-runner.html">Runners</a></li>
<li class="toctree-l1"><a class="reference internal" href="asyncio-task.html">Coroutines and Tasks</a></li>
<li class="toctree-l1"><a class="reference internal" href="asyncio-sync.html">Synchronization Primitives</a></li>
<li class="toctree-l1"><a class="reference internal" href="asyncio-queue.html">Queues</a></li>
</ul>
</div>
</section>
      </div>
    </div>
  </body>
</html>
`;

/** `https://pypi.org/`: the package index's home page. */
export const PYPI_HOME = `<!DOCTYPE html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="description" content="The Python Package Index (PyPI) is a repository of software for the Python programming language.">
    <title>PyPI · The Python Package Index</title>
    <link rel="stylesheet" href="/static/css/warehouse-ltr.css">
    <script async defer data-domain="pypi.org" src="/static/js/analytics.js"></script>
  </head>
  <body data-controller="viewport-toggle">
    <header class="site-header">
      <a class="site-header__logo" href="/"><img src="/static/images/logo-small.svg" alt="PyPI"></a>
      <nav class="horizontal-menu" aria-label="Main navigation">
        <ul>
          <li><a class="horizontal-menu__link" href="/help/">Help</a></li>
          <li><a class="horizontal-menu__link" href="/sponsors/">Sponsors</a></li>
          <li><a class="horizontal-menu__link" href="/account/login/">Log in</a></li>
        </ul>
      </nav>
    </header>
    <main id="content">
      <section class="homepage-banner">
        <h1 class="homepage-banner__title">Find, install and publish Python packages with the Python Package Index</h1>
        <form class="search-form" action="/search/" role="search">
          <input id="search" class="search-form__search" type="text" name="q" placeholder="Search projects" autocomplete="off" autofocus>
          <button type="submit" class="search-form__button">Search</button>
        </form>
      </section>
      <section class="statistics-bar">
        <p class="statistics-bar__statistic">600,000+ projects</p>
        <p class="statistics-bar__statistic">7,000,000+ releases</p>
        <p class="statistics-bar__statistic">900,000+ users</p>
      </section>
      <p>PyPI helps you find and install software developed and shared by the Python community. Package authors use PyPI to distribute their software.</p>
    </main>
    <footer class="footer">
      <p>Developed and maintained by the Python community, for the Python community. &copy; 2025 Python Software Foundation</p>
    </footer>
  </body>
</html>
`;

/** `https://example.com/`: the reserved example domain's page. */
export const EXAMPLE_DOMAIN = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>
    <meta charset="utf-8" />
    <style type="text/css">
    body { background-color: #f0f0f2; font-family: sans-serif; }
    div > p { margin: 1em 0; }
    </style>
</head>
<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is reserved for examples in documentation. Use it freely.</p>
    <p><a href="https://www.iana.org/help/example-domains">More information...</a></p>
</div>
</body>
</html>
`;

/** What `slow.example` sends, five seconds late. */
export const SLOW_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Slow Example</title></head>
<body>
<h1>Slow Example</h1>
<p>This page takes five seconds to arrive. Put a timeout on the wait.</p>
</body>
</html>
`;

/** A site's "page not found" document. */
export function notFoundPage(site: string, path: string): string {
  const safePath = path.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>404 Not Found &middot; ${site}</title></head>
<body>
<h1>Page not found</h1>
<p>There is no page at <code>${safePath}</code> on ${site}.</p>
</body>
</html>
`;
}
