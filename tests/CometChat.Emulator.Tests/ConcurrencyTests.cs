using System.Collections.Concurrent;
using System.Net;

namespace CometChat.Emulator.Tests;

/// <summary>Concurrent writes leave the store consistent: one winner per uid, no lost update answered 200.</summary>
public sealed class ConcurrencyTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Concurrent_creates_of_the_same_and_different_uids_have_exactly_one_winner_each()
    {
        var uids = Enumerable.Range(0, 40).Select(i => $"race{i}").ToArray();
        var attempts = uids.SelectMany(uid => Enumerable.Repeat(uid, 10)).OrderBy(_ => Random.Shared.Next()).ToArray();
        var results = new ConcurrentBag<(string Uid, HttpStatusCode Status, string? Code)>();
        await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (uid, _) =>
        {
            var r = await Emu.PostAsync("/v3/users", new { uid = uid.ToUpperInvariant(), name = uid });
            results.Add((uid, r.Status, r.ErrorCode));
        });
        foreach (var group in results.GroupBy(r => r.Uid))
        {
            Assert.Equal(1, group.Count(r => r.Status == HttpStatusCode.OK));
            Assert.All(group.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("ERR_UID_ALREADY_EXISTS", r.Code));
        }
        var list = (await Emu.GetAsync("/v3/users?perPage=1000")).AssertOk();
        Assert.Equal(uids.Order(), list.Data.EnumerateArray().Select(u => u.GetProperty("uid").GetString()!).Order());
    }

    [Fact]
    public async Task Concurrent_updates_are_never_lost()
    {
        await Emu.CreateUserAsync("shared", "Shared", new { metadata = new { } });
        // Each update sets its own tag list; the final state must be exactly one of the answers given.
        var answers = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var r = (await Emu.PutAsync("/v3/users/shared", new { name = $"Name {i}", tags = new[] { $"t{i}" } })).AssertOk();
            Assert.Equal($"Name {i}", r.Data.GetProperty("name").GetString());
            Assert.Equal($"t{i}", r.Data.GetProperty("tags")[0].GetString());
            answers.Add(r.Data.GetProperty("name").GetString()!);
        });
        Assert.Equal(200, answers.Distinct().Count());
        var final = (await Emu.GetAsync("/v3/users/shared")).Data;
        var n = final.GetProperty("name").GetString()!["Name ".Length..];
        Assert.Equal($"t{n}", final.GetProperty("tags")[0].GetString()); // name and tags come from the same update
    }

    [Fact]
    public async Task Concurrent_token_creation_respects_the_per_user_limit()
    {
        await Emu.CreateUserAsync("tok");
        var tokens = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 150), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
        {
            tokens.Add((await Emu.PostAsync("/v3/users/tok/auth_tokens", new { force = true })).AssertOk().Data.GetProperty("authToken").GetString()!);
        });
        Assert.Equal(150, tokens.Distinct().Count());
        var list = (await Emu.GetAsync("/v3/users/tok/auth_tokens?perPage=1000")).AssertOk();
        Assert.Equal(100, list.Data.GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_deletes_and_creates_keep_lists_consistent()
    {
        for (var i = 0; i < 50; i++)
        {
            await Emu.CreateUserAsync($"d{i:D2}");
        }
        await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            if (i % 2 == 0)
            {
                (await Emu.DeleteAsync($"/v3/users/d{i:D2}", new { permanent = true })).AssertOk();
            }
            else
            {
                (await Emu.DeleteAsync($"/v3/users/d{i:D2}")).AssertOk();
            }
            await Emu.GetAsync("/v3/users?perPage=7&page=2");
        });
        Assert.Equal(0, (await Emu.GetAsync("/v3/users")).Data.GetArrayLength());
        Assert.Equal(25, (await Emu.GetAsync("/v3/users?onlyDeactivated=true")).Json.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32());
    }
}
