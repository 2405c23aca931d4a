// posguide search page: runs the query in the page with Pagefind's index (/pagefind/, made by
// `posguide build` when Pagefind is installed). Loaded only by /search/. Without this script the
// page says that search needs JavaScript and links to the lists; with it, the query in
// `?q=` is searched on load, and typing searches again in place.
(function () {
  "use strict";

  // The site's base path (`/` or `/guide/` under a sub-path), from the script tag.
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "/";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;

  var shown = 10;
  var pagefind = null;
  var latest = 0;
  var timer = 0;

  function say(text, links) {
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
    if (links) status.appendChild(links);
  }

  // Where to go when search finds nothing (or cannot run): the same lists as without script.
  function fallbackLinks() {
    var p = document.createElement("p");
    p.className = "search-hint";
    p.appendChild(document.createTextNode("试试更短的词（“押金”比“交了押金退不回来”更容易找到），或者直接浏览："));
    [["articles/", "全部文章"], ["providers/", "支付机构名单"], ["checklists/", "自查表"], ["tools/", "工具"]].forEach(function (link, index) {
      if (index > 0) p.appendChild(document.createTextNode("、"));
      var a = document.createElement("a");
      a.href = root + link[0];
      a.textContent = link[1];
      p.appendChild(a);
    });
    p.appendChild(document.createTextNode("。"));
    return p;
  }

  // Pagefind's excerpt is text with <mark> around the matched words: rebuilt here from its
  // text and <mark> elements only, so nothing else in it can become markup.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var p = document.createElement("p");
    p.className = "search-excerpt";
    // An excerpt cut mid-sentence starts with the punctuation before it: "…" says it is cut.
    var first = template.content.firstChild;
    if (first && first.nodeType === 3 && /^[\s，。、；：？！,.;:?!]/.test(first.textContent)) {
      first.textContent = "…" + first.textContent.replace(/^[\s，。、；：？！,.;:?!]+/, "");
    }
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = data.url;
    a.className = "search-title";
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    if (data.meta && data.meta.section) {
      var section = document.createElement("p");
      section.className = "search-section";
      section.textContent = data.meta.section;
      li.appendChild(section);
    }
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function load() {
    if (pagefind) return pagefind;
    pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
      return module.options({ excerptLength: 40, baseUrl: root }).then(function () { return module; });
    });
    return pagefind;
  }

  // The index splits Chinese into words with its own dictionary, the browser splits the query
  // with another (Intl.Segmenter): a term the two split differently (一清: one word to the
  // browser, 一|清 in the index; 商户编号 is 商户|编号 here but not in every page) finds almost
  // nothing, or misses the page that answers it. So a Chinese query is also searched character
  // by character and word by word, and the pages those find follow, each once.
  function alternatives(query) {
    var spaced = query.replace(/(\p{Script=Han})/gu, " $1 ").replace(/\s+/g, " ").trim();
    if (spaced === query) return [];
    var words = [];
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      var segments = new Intl.Segmenter("zh", { granularity: "word" }).segment(query);
      for (var segment of segments) {
        if (segment.isWordLike && segment.segment.length > 1 && segment.segment !== query) words.push(segment.segment);
      }
    }
    return [spaced].concat(words);
  }

  // Results of the query itself first, then those only the alternatives found ("loose"): a
  // loose page must still hold every Chinese character of the query (量子火锅 must not find a
  // page that only says 火锅), which phraseFirst checks once it has read the pages.
  function searchAll(module, query) {
    var queries = [query].concat(alternatives(query));
    return Promise.all(queries.map(function (each) { return module.search(each); })).then(function (searches) {
      var seen = {};
      var results = [];
      searches.forEach(function (search, index) {
        search.results.forEach(function (result) {
          if (seen[result.id]) return;
          seen[result.id] = true;
          results.push({ result: result, loose: index > 0 });
        });
      });
      return results;
    });
  }

  // The index matches Chinese words anywhere in a page, not as a phrase: 钱没到账 finds every page
  // with 钱, 没 and 到账 somewhere, and ranks the ones that say 钱 most. So for a Chinese query the
  // first results are read, and the pages that hold the query as written come first (in the
  // title above in the body); within each group they keep Pagefind's order.
  var rerankDepth = 30;
  function phraseFirst(query, found) {
    var phrase = query.replace(/\s+/g, "");
    var characters = phrase.match(/\p{Script=Han}/gu);
    if (!characters) {
      return Promise.all(found.slice(0, shown).map(function (each) { return each.result.data(); }))
        .then(function (pages) { return { total: found.length, pages: pages }; });
    }
    var strict = found.filter(function (each) { return !each.loose; }).length;
    return Promise.all(found.slice(0, rerankDepth).map(function (each) { return each.result.data(); }))
      .then(function (pages) {
        var scored = [];
        pages.forEach(function (data, index) {
          var title = (data.meta && data.meta.title) || "";
          var text = title + (data.content || "");
          if (found[index].loose && !characters.every(function (c) { return text.indexOf(c) >= 0; })) return;
          // A glossary entry answers a query for its own term; an entry that only mentions the
          // query in its definition goes after the pages that explain it.
          var entry = /\/glossary\/[^\/]+\/$/.test(data.url || "");
          var score = entry ? (title === phrase ? 2 : 0)
            : title.indexOf(phrase) >= 0 ? 2 : text.indexOf(phrase) >= 0 ? 1 : 0;
          scored.push({ data: data, index: index, score: score });
        });
        scored.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
        var looseKept = scored.filter(function (entry) { return found[entry.index].loose; }).length;
        return { total: strict + looseKept, pages: scored.slice(0, shown).map(function (entry) { return entry.data; }) };
      });
  }

  function run(query) {
    var ticket = ++latest;
    query = query.trim();
    list.textContent = "";
    if (!query) {
      say("输入要找的词，比如“押金”“跳码”“同名账户”，或支付机构的名称。");
      return;
    }
    say("正在搜索“" + query + "”…");
    load().then(function (module) {
      return searchAll(module, query);
    }).then(function (results) {
      if (ticket !== latest) return null;
      return phraseFirst(query, results);
    }).then(function (found) {
      if (!found || ticket !== latest) return;
      if (found.total === 0) {
        say("没有找到和“" + query + "”有关的内容。", fallbackLinks());
        return;
      }
      say(found.total > shown
        ? "找到 " + found.total + " 个页面，下面是最相关的 " + shown + " 个："
        : "找到 " + found.total + " 个页面：");
      found.pages.forEach(function (data) { list.appendChild(item(data)); });
    }).catch(function () {
      if (ticket !== latest) return;
      pagefind = null;
      say("搜索暂时用不了：本站的搜索索引没有加载成功。", fallbackLinks());
    });
  }

  // The address keeps the query, so a result list can be shared, reloaded and returned to.
  function remember(query) {
    var url = query.trim() ? "?q=" + encodeURIComponent(query.trim()) : location.pathname;
    history.replaceState(null, "", url);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    run(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      remember(input.value);
      run(input.value);
    }, 250);
  });

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  run(initial);
})();
