// huodong-draw-v1 verifier in the browser (../shared/DRAW.md), with WebCrypto only: it recomputes the entrants
// hash, checks the seed against the commitment and re-runs the shuffle from the published document, then says
// whether the published winners match. Written from the specification, like scripts/draw_verify.py.
(function () {
  "use strict";
  var ALGORITHM = "huodong-draw-v1";
  var TWO_64 = BigInt("18446744073709551616");
  var utf8 = new TextEncoder();

  function toHex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function fromHex(text) {
    if (typeof text !== "string" || !/^([0-9a-f]{2})*$/.test(text)) return null;
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(i * 2, 2), 16);
    return out;
  }

  function concat(parts) {
    var length = parts.reduce(function (n, p) { return n + p.length; }, 0);
    var out = new Uint8Array(length), at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  function compareBytes(a, b) {
    for (var i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }

  async function sha256(bytes) { return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)); }

  /** Distinct and sorted by UTF-8 bytes, as published. */
  function isCanonical(entrants) {
    for (var i = 1; i < entrants.length; i++)
      if (compareBytes(utf8.encode(entrants[i - 1]), utf8.encode(entrants[i])) >= 0) return false;
    return true;
  }

  async function entrantsHash(entrants) { return toHex(await sha256(utf8.encode(entrants.join("\n")))); }

  /** The winners, rank 1 first, for the published entrants, seed bytes, public entropy and number of winners. */
  async function winners(entrants, seed, publicEntropy, k) {
    var hash = await entrantsHash(entrants);
    var key = await sha256(concat([seed, utf8.encode(publicEntropy), utf8.encode(hash)]));
    var hmacKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    var counter = 0;
    async function uniform(m) {
      var big = BigInt(m), limit = (TWO_64 / big) * big;
      for (;;) {
        var mac = new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, utf8.encode(ALGORITHM + ":" + counter)));
        counter++;
        var r = new DataView(mac.buffer).getBigUint64(0, false);
        if (r < limit) return Number(r % big);
      }
    }
    var a = entrants.slice();
    for (var i = a.length - 1; i >= 1; i--) {
      var j = await uniform(i + 1);
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a.slice(0, k);
  }

  /** Checks a GET /api/draws/{id} document: { outcome: "match" | "mismatch" | "committed", checks: [{ name, ok }] }. */
  async function verify(doc) {
    var checks = [];
    var entrants = Array.isArray(doc.entrants) ? doc.entrants : [];
    checks.push({ name: "order", ok: doc.algorithm === ALGORITHM && isCanonical(entrants) });
    checks.push({ name: "hash", ok: (await entrantsHash(entrants)) === doc.entrantsHash });
    var k = doc.winnersCount;
    var countOk = Number.isInteger(k) && k >= 1 && k <= entrants.length;
    if (doc.status !== "Revealed") {
      var ok = checks.every(function (c) { return c.ok; }) && countOk && !doc.seed && !doc.winners;
      return { outcome: ok ? "committed" : "mismatch", checks: checks };
    }
    var seed = fromHex(doc.seed);
    var seedOk = seed !== null && seed.length === 32 && toHex(await sha256(seed)) === doc.commitment;
    checks.push({ name: "commitment", ok: seedOk });
    var winnersOk = false;
    if (seedOk && countOk && checks[0].ok) {
      var computed = await winners(entrants, seed, doc.publicEntropy || "", k);
      winnersOk = Array.isArray(doc.winners) && computed.length === doc.winners.length
        && computed.every(function (w, i) { return w === doc.winners[i]; });
    }
    checks.push({ name: "winners", ok: winnersOk });
    return { outcome: checks.every(function (c) { return c.ok; }) ? "match" : "mismatch", checks: checks };
  }

  window.HuodongDraw = { verify: verify, winners: winners, entrantsHash: entrantsHash };

  var root = document.getElementById("draw-verifier");
  var button = document.getElementById("verify-draw");
  var data = document.getElementById("draw-document");
  if (!root || !button || !data) return;
  var result = document.getElementById("verify-result");
  var list = document.getElementById("verify-checks");
  function label(name) { return root.getAttribute("data-label-" + name); }

  button.addEventListener("click", async function () {
    list.textContent = "";
    result.className = "draw-verify-result";
    if (!window.crypto || !crypto.subtle) { result.textContent = label("unsupported"); return; }
    result.textContent = label("running");
    button.disabled = true;
    try {
      var report = await verify(JSON.parse(data.textContent));
      report.checks.forEach(function (c) {
        var li = document.createElement("li");
        li.className = c.ok ? "draw-check--ok" : "draw-check--bad";
        li.setAttribute("data-check", c.name);
        li.textContent = label("check-" + c.name);
        list.appendChild(li);
      });
      result.textContent = label(report.outcome);
      result.classList.add(report.outcome === "mismatch" ? "is-mismatch" : "is-match");
      result.setAttribute("data-outcome", report.outcome);
    } finally {
      button.disabled = false;
    }
  });
})();
