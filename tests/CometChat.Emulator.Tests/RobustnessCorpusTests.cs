using System.Text;

namespace CometChat.Emulator.Tests;

/// <summary>
/// Hostile and malformed requests. Each must get the contract's answer (mostly a 4xx with its code), and never a 5xx.
/// A null code means the request is refused by the HTTP server itself (no JSON body), which is still a 4xx.
/// </summary>
public sealed class RobustnessCorpusTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    public sealed record Case(string Name, string Method, string Target, byte[]? Body, string? ContentType, int Status, string? Code)
    {
        public override string ToString() => Name;
    }

    private static Case Json(string name, string method, string target, string body, int status, string? code, string contentType = "application/json") =>
        new(name, method, target, Encoding.UTF8.GetBytes(body), contentType, status, code);

    private static Case Bytes(string name, string method, string target, byte[] body, int status, string? code) =>
        new(name, method, target, body, "application/json", status, code);

    private static Case Path(string name, string method, string target, int status, string? code) =>
        new(name, method, target, null, null, status, code);

    private const string Bad = "ERR_BAD_REQUEST";

    public static IEnumerable<Case> Cases()
    {
        // Malformed JSON.
        foreach (var body in new[]
        {
            "{", "}", "{\"uid\":\"a\",\"name\":\"b\"", "{\"uid\":\"a\",\"name\":\"b\"}x", "{\"uid\":\"a\" \"name\":\"b\"}",
            "{'uid':'a','name':'b'}", "{uid:\"a\"}", "{\"uid\":\"a\",}", "{/*c*/\"uid\":\"a\"}", "{\"n\":NaN}", "{\"n\":Infinity}",
            "{\"n\":01}", "{\"s\":\"\t\"}", "\u00ef\u00bb\u00bf", "nul", "{\"uid\":\"a\\x41\"}", "{\"a\":\"\\u12\"}",
        })
        {
            yield return Json($"malformed: {body}", "POST", "/v3/users", body, 400, Bad);
        }

        // Valid JSON that is not an object.
        foreach (var body in new[] { "[]", "[{\"uid\":\"a\",\"name\":\"b\"}]", "\"text\"", "123", "true", "null" })
        {
            yield return Json($"not an object: {body}", "POST", "/v3/users", body, 400, Bad);
            yield return Json($"not an object (update): {body}", "PUT", "/v3/users/someone", body, 400, Bad);
        }

        // Wrong JSON types in every field of every body.
        var wrongValues = new Dictionary<string, string>
        {
            ["number"] = "1",
            ["bool"] = "true",
            ["array"] = "[\"x\"]",
            ["object"] = "{\"a\":1}",
            ["string"] = "\"x\"",
        };
        var fields = new (string Method, string Target, string Base, string Field, string[] Allowed)[]
        {
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "uid", ["string"]),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "name", ["string"]),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "avatar", []),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "link", []),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "role", ["string"]),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "statusMessage", ["string"]),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "metadata", ["object"]),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "tags", ["array"]),
            ("POST", "/v3/users", "\"uid\":\"t1\",\"name\":\"n\"", "withAuthToken", ["bool"]),
            ("PUT", "/v3/users/someone", "\"name\":\"n\"", "name", ["string"]),
            ("PUT", "/v3/users/someone", "\"name\":\"n\"", "unset", []),
            ("PUT", "/v3/users/someone", "\"name\":\"n\"", "tags", ["array"]),
            ("PUT", "/v3/users/someone", "\"name\":\"n\"", "metadata", ["object"]),
            ("PUT", "/v3/users/someone", "\"name\":\"n\"", "statusMessage", ["string"]),
            ("DELETE", "/v3/users/someone", "\"x\":0", "permanent", ["bool"]),
            ("DELETE", "/v3/users", "\"x\":0", "uidsToDeactivate", ["array"]),
            ("PUT", "/v3/users", "\"x\":0", "uidsToActivate", ["array"]),
            ("POST", "/v3/users/someone/auth_tokens", "\"x\":0", "force", ["bool"]),
            ("POST", "/v3/users/someone/blockedusers", "\"x\":0", "blockedUids", ["array"]),
            ("POST", "/v3/roles", "\"role\":\"r1\",\"name\":\"n\"", "role", ["string"]),
            ("POST", "/v3/roles", "\"role\":\"r1\",\"name\":\"n\"", "settings", ["object"]),
            ("POST", "/v3/roles", "\"role\":\"r1\",\"name\":\"n\"", "description", ["string"]),
        };
        foreach (var (method, target, baseFields, field, allowed) in fields)
        {
            foreach (var (kind, value) in wrongValues.Where(w => !allowed.Contains(w.Key)))
            {
                var body = "{" + baseFields + (baseFields.Contains($"\"{field}\"") ? "" : $",\"{field}\":{value}") + "}";
                if (baseFields.Contains($"\"{field}\""))
                {
                    body = "{" + baseFields.Replace($"\"{field}\":\"{(field == "uid" ? "t1" : field == "role" ? "r1" : "n")}\"", $"\"{field}\":{value}") + "}";
                }
                yield return Json($"wrong type: {method} {target} {field}={kind}", method, target, body, 400, Bad);
            }
        }

        // Duplicate keys, deep nesting, odd text.
        yield return Json("duplicate keys", "POST", "/v3/users", "{\"uid\":\"a\",\"uid\":\"b\",\"name\":\"n\"}", 400, Bad);
        yield return Json("duplicate nested keys", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"n\",\"metadata\":{\"k\":1,\"k\":2}}", 400, Bad);
        yield return Json("deep nesting", "POST", "/v3/users",
            "{\"uid\":\"a\",\"name\":\"n\",\"metadata\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}", 400, Bad);
        yield return Json("lone surrogate", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"\\ud800\"}", 400, Bad);
        yield return Json("lone surrogate in metadata", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"n\",\"metadata\":{\"a\":\"\\ud800\"}}", 400, Bad);
        yield return Json("lone surrogate in a key", "POST", "/v3/users", "{\"\\ud800\":1,\"uid\":\"a\",\"name\":\"n\"}", 400, Bad);
        yield return Json("lone surrogate in a nested key", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"n\",\"metadata\":{\"\\udc00\":1}}", 400, Bad);
        yield return Json("lone surrogate in a tag", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"n\",\"tags\":[\"\\udc00\"]}", 400, Bad);
        yield return Json("lone surrogate in role settings", "POST", "/v3/roles", "{\"role\":\"r\",\"name\":\"n\",\"settings\":{\"\\ud800\":\"all\"}}", 400, Bad);
        yield return Json("lone surrogate in role metadata", "PUT", "/v3/roles/default", "{\"metadata\":{\"x\":\"\\udfff\"}}", 400, Bad);
        yield return Json("lone surrogate in admin settings", "PUT", "/_emulator/settings", "{\"\\ud800\":1}", 400, Bad);
        yield return Json("lone surrogate in presence", "POST", "/_emulator/presence", "{\"uids\":[\"\\ud800\"],\"status\":\"online\"}", 400, Bad);
        yield return Json("null byte and emoji in metadata", "POST", "/v3/users", "{\"uid\":\"nulmeta\",\"name\":\"n\",\"metadata\":{\"a\":\"\\u0000\\ud83d\\ude00\"}}", 200, null);
        yield return Json("null byte in uid", "POST", "/v3/users", "{\"uid\":\"a\\u0000b\",\"name\":\"n\"}", 400, Bad);
        yield return Json("control characters in uid", "POST", "/v3/users", "{\"uid\":\"a\\u0001\",\"name\":\"n\"}", 400, Bad);
        yield return Json("unicode uid", "POST", "/v3/users", "{\"uid\":\"用户\",\"name\":\"n\"}", 400, Bad);
        yield return Json("null byte in name is kept", "POST", "/v3/users", "{\"uid\":\"nul-name\",\"name\":\"a\\u0000b\"}", 200, null);
        yield return Json("rtl and emoji name", "POST", "/v3/users", "{\"uid\":\"rtl\",\"name\":\"\u202emoc.evil 😀\"}", 200, null);
        yield return Bytes("invalid UTF-8", "POST", "/v3/users", [.. "{\"uid\":\"a\",\"name\":\""u8, 0xff, 0xfe, .. "\"}"u8], 400, Bad);
        yield return Bytes("UTF-16 body", "POST", "/v3/users", Encoding.Unicode.GetBytes("{\"uid\":\"a\",\"name\":\"n\"}"), 400, Bad);
        yield return Bytes("only a null byte", "POST", "/v3/users", [0], 400, Bad);

        // Sizes.
        yield return Json("body of 10241 bytes", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"" + new string('n', 10_241 - 21) + "\"}", 413, "ERR_PAYLOAD_TOO_LARGE");
        yield return Bytes("body of 1 MB", "POST", "/v3/users", new byte[1_000_000], 413, "ERR_PAYLOAD_TOO_LARGE");
        yield return Json("huge body on GET", "GET", "/v3/users", new string(' ', 20_000), 413, "ERR_PAYLOAD_TOO_LARGE");

        // Content types.
        yield return Json("text/plain", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"n\"}", 400, Bad, "text/plain");
        yield return Json("form encoded", "POST", "/v3/users", "uid=a&name=n", 400, Bad, "application/x-www-form-urlencoded");
        yield return Json("multipart", "POST", "/v3/users", "--b\r\n\r\n--b--", 400, Bad, "multipart/form-data; boundary=b");
        yield return Json("garbage content type", "POST", "/v3/users", "{\"uid\":\"a\",\"name\":\"n\"}", 400, Bad, "???");
        yield return Json("json with charset", "POST", "/v3/users", "{\"uid\":\"charset\",\"name\":\"n\"}", 200, null, "application/json; charset=utf-8");
        yield return new Case("no content type", "POST", "/v3/users", Encoding.UTF8.GetBytes("{\"uid\":\"noct\",\"name\":\"n\"}"), null, 200, null);

        // Path tricks.
        yield return Path("dot-dot to root", "GET", "/v3/users/..", 404, "ERR_API_NOT_FOUND");
        yield return Path("dot-dot out of v3", "GET", "/v3/../_emulator/reset", 404, "ERR_API_NOT_FOUND");
        yield return Path("encoded dot-dot", "GET", "/v3/users/%2e%2e/%2e%2e", 404, "ERR_API_NOT_FOUND");
        yield return Path("encoded slash in uid", "GET", "/v3/users/a%2Fb", 404, "ERR_UID_NOT_FOUND");
        yield return Path("encoded slash to tokens", "GET", "/v3/users/a%2Fauth_tokens", 404, "ERR_UID_NOT_FOUND");
        yield return Path("double slash", "GET", "/v3/users//auth_tokens", 404, "ERR_API_NOT_FOUND");
        yield return Path("double slash prefix", "GET", "//v3/users", 404, "ERR_API_NOT_FOUND");
        yield return Path("blank uid", "PUT", "/v3/users/%20", 404, "ERR_UID_NOT_FOUND");
        yield return Path("tab uid", "DELETE", "/v3/users/%09", 404, "ERR_UID_NOT_FOUND");
        yield return Path("null byte in path", "GET", "/v3/users/a%00b", 400, null);
        yield return Path("unicode uid in path", "GET", "/v3/users/%C3%BC%F0%9F%98%80", 404, "ERR_UID_NOT_FOUND");
        yield return Path("invalid UTF-8 in path", "GET", "/v3/users/%FF%FE", 404, "ERR_UID_NOT_FOUND");
        yield return Path("encoded surrogate in path", "GET", "/v3/users/%ED%A0%80", 404, "ERR_UID_NOT_FOUND");
        yield return Path("encoded surrogate in onBehalfOf list", "GET", "/v3/users/x/blockedusers?page=%ED%A0%80", 400, Bad);
        yield return Path("long uid in path", "GET", "/v3/users/" + new string('a', 5000), 404, "ERR_UID_NOT_FOUND");
        yield return Path("backslash path", "GET", "/v3\\users", 404, "ERR_API_NOT_FOUND");
        yield return Path("absolute-form target", "GET", "http://evil.example/v3/users", 400, null);
        yield return Path("asterisk target", "OPTIONS", "*", 404, "ERR_API_NOT_FOUND");

        // Query strings.
        yield return Path("long query string", "GET", "/v3/users?searchKey=" + new string('q', 6000), 200, null);
        yield return Path("query string past the server limit", "GET", "/v3/users?searchKey=" + new string('q', 40_000), 414, null);
        yield return Path("many query parameters", "GET", "/v3/users?" + string.Join("&", Enumerable.Range(0, 500).Select(i => $"p{i}={i}")), 200, null);
        yield return Path("perPage overflow", "GET", "/v3/users?perPage=99999999999999999999", 400, Bad);
        yield return Path("page overflow", "GET", "/v3/users?page=99999999999999999999", 400, Bad);
        yield return Path("huge page", "GET", "/v3/users?page=2147483647&perPage=1000", 200, null);
        yield return Path("repeated perPage", "GET", "/v3/users?perPage=5&perPage=abc", 400, Bad);
        yield return Path("null byte in query", "GET", "/v3/users?searchKey=%00", 200, null);
        yield return Path("bad percent-encoding in query", "GET", "/v3/users?searchKey=%zz", 200, null);
        yield return Path("empty token path", "GET", "/v3/users/x/auth_tokens/%20", 404, "ERR_AUTH_TOKEN_NOT_FOUND");
    }

    public static TheoryData<Case> Corpus() => new(Cases());

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_request_gets_the_contract_answer_and_never_a_5xx(Case c)
    {
        var r = await RawHttp.SendAsync(Emu.App.BaseAddress, c.Method, c.Target, c.Body, c.ContentType);
        Assert.True(r.Status < 500, $"{c.Name}: got {r.Status} {r.Body}");
        Assert.True(r.Status == c.Status, $"{c.Name}: expected {c.Status}, got {r.Status} {r.Body}");
        if (c.Code is not null)
        {
            Assert.Equal(c.Code, r.Code);
        }
    }

    [Fact]
    public async Task Hostile_headers_are_handled()
    {
        await Emu.CreateUserAsync("a");
        // Kestrel refuses non-ASCII header values outright (400 without a JSON body).
        var onBehalf = await RawHttp.SendAsync(Emu.App.BaseAddress, "GET", "/v3/users/a", headers: "onBehalfOf: \u00fc\u00ff");
        Assert.Equal(400, onBehalf.Status);
        var unknown = await RawHttp.SendAsync(Emu.App.BaseAddress, "GET", "/v3/users/a", headers: "onBehalfOf: ../../etc");
        Assert.Equal("ERR_ON_BEHALF_OF_UID_NOT_FOUND", unknown.Code);
        var twoKeys = await RawHttp.SendAsync(Emu.App.BaseAddress, "GET", "/v3/users/a", headers: "apikey: other");
        Assert.Equal("AUTH_ERR_APIKEY_NOT_FOUND", twoKeys.Code);
        var binaryKey = await RawHttp.SendAsync(Emu.App.BaseAddress, "GET", "/v3/users/a", apiKey: "\u00ff\u00fe");
        Assert.Equal(400, binaryKey.Status);
        var hugeHeader = await RawHttp.SendAsync(Emu.App.BaseAddress, "GET", "/v3/users/a", headers: "onBehalfOf: " + new string('x', 40_000));
        Assert.Equal(431, hugeHeader.Status);
    }

    [Theory]
    [InlineData("bad chunk size", true, "POST /v3/users HTTP/1.1\r\nHost: {host}\r\napikey: test-full-access-key\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("body shorter than Content-Length", false, "POST /v3/users HTTP/1.1\r\nHost: {host}\r\napikey: test-full-access-key\r\nContent-Length: 50\r\nContent-Type: application/json\r\n\r\n{}")]
    [InlineData("two Content-Length headers", true, "POST /v3/users HTTP/1.1\r\nHost: {host}\r\napikey: test-full-access-key\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}")]
    [InlineData("Content-Length with chunked", true, "POST /v3/users HTTP/1.1\r\nHost: {host}\r\napikey: test-full-access-key\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n")]
    [InlineData("no Host header", true, "GET /v3/users HTTP/1.1\r\napikey: test-full-access-key\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.0", true, "GET /v3/users HTTP/1.0\r\napikey: test-full-access-key\r\n\r\n")]
    public async Task Malformed_http_framing_never_gets_a_5xx(string name, bool answered, string request)
    {
        if (answered)
        {
            var r = await RawHttp.SendRawAsync(Emu.App.BaseAddress, request);
            Assert.True(r.Status is > 0 and < 500, $"{name}: {r.Status} {r.Body}");
        }
        else
        {
            // A body shorter than its Content-Length only ends when the client gives up: closing is the client's move.
            // Close, then wait until the emulator has counted the request, whatever it made of it.
            var uri = new Uri(Emu.App.BaseAddress);
            using (var client = new System.Net.Sockets.TcpClient())
            {
                await client.ConnectAsync(uri.Host, uri.Port);
                await client.GetStream().WriteAsync(Encoding.Latin1.GetBytes(request.Replace("{host}", $"{uri.Host}:{uri.Port}")));
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await Emu.GetAsync("/_emulator/counters")).Data.GetProperty("totalRequests").GetInt64() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{name}: the emulator never counted the request");
                await Task.Delay(20);
            }
        }
        var counters = (await Emu.GetAsync("/_emulator/counters")).Data.GetProperty("requests");
        Assert.DoesNotContain(counters.EnumerateArray(), row => row.GetProperty("status").GetInt32() >= 500);
    }
}
