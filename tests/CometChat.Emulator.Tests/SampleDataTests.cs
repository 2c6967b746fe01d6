using System.Text.Json;
using CometChat.Emulator.Hosting;
using CometChat.Emulator.Model;

namespace CometChat.Emulator.Tests;

/// <summary><c>--sample-data</c>: a new database starts with the users a new CometChat app has.</summary>
public sealed class SampleDataTests
{
    private static Task<TestEmulator> StartAsync(SampleDataSet set, string? dataPath = null) =>
        TestEmulator.StartAsync(dataPath: dataPath, sampleData: set);

    /// <summary>uid → "name|avatar" of every user the list returns, in list order.</summary>
    private static async Task<List<string>> UsersAsync(TestEmulator emu)
    {
        var list = (await emu.GetAsync("/v3/users?withDeactivated=true")).AssertOk().Data;
        return list.EnumerateArray()
            .Select(u => $"{u.GetProperty("uid").GetString()}|{u.GetProperty("name").GetString()}|{u.GetProperty("avatar").GetString()}")
            .ToList();
    }

    [Fact]
    public async Task Current_is_the_five_cometchat_uid_users_of_an_app_created_today()
    {
        await using var emu = await StartAsync(SampleDataSet.Current);
        const string avatars = "https://assets.cometchat.io/sampleapp/v2/users/";
        Assert.Equal(
        [
            $"cometchat-uid-1|Andrew Joseph|{avatars}cometchat-uid-1.webp",
            $"cometchat-uid-2|George Alan|{avatars}cometchat-uid-2.webp",
            $"cometchat-uid-5|John Paul|{avatars}cometchat-uid-5.webp",
            $"cometchat-uid-3|Nancy Grace|{avatars}cometchat-uid-3.webp",
            $"cometchat-uid-4|Susan Marie|{avatars}cometchat-uid-4.webp",
        ], await UsersAsync(emu));
    }

    [Fact]
    public async Task Superheroes_is_the_five_users_of_an_older_app()
    {
        await using var emu = await StartAsync(SampleDataSet.Superheroes);
        const string avatars = "https://data-us.cometchat.io/assets/images/avatars/";
        Assert.Equal(
        [
            $"superhero2|Captain America|{avatars}captainamerica.png",
            $"superhero5|Cyclops|{avatars}cyclops.png",
            $"superhero1|Iron Man|{avatars}ironman.png",
            $"superhero3|Spiderman|{avatars}spiderman.png",
            $"superhero4|Wolverine|{avatars}wolverine.png",
        ], await UsersAsync(emu));
    }

    [Fact]
    public async Task Sample_users_carry_what_the_service_returns_for_them_and_were_created_with_the_app()
    {
        await using var emu = await StartAsync(SampleDataSet.Superheroes);
        var user = (await emu.GetAsync("/v3/users/superhero2")).AssertOk().Data;
        var fields = user.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["avatar", "createdAt", "name", "role", "status", "uid"], fields);
        Assert.Equal("default", user.GetProperty("role").GetString());
        Assert.Equal("offline", user.GetProperty("status").GetString());
        var role = (await emu.GetAsync("/v3/roles/default")).AssertOk().Data;
        Assert.Equal(role.GetProperty("createdAt").GetInt64(), user.GetProperty("createdAt").GetInt64());
        // Ordinary users: they can log in (tokens), block and be blocked.
        (await emu.PostAsync("/v3/users/superhero1/auth_tokens", new { })).AssertOk();
        (await emu.PostAsync("/v3/users/superhero1/blockedusers", new { blockedUids = new[] { "superhero2" } })).AssertOk();
    }

    [Fact]
    public async Task Without_the_option_a_new_app_has_no_users()
    {
        await using var emu = await StartAsync(SampleDataSet.None);
        Assert.Empty(await UsersAsync(emu));
    }

    [Fact]
    public async Task Reset_sets_the_app_up_as_new_again_with_its_sample_users()
    {
        await using var emu = await StartAsync(SampleDataSet.Current);
        var before = await UsersAsync(emu);
        (await emu.DeleteAsync("/v3/users/cometchat-uid-1", new { permanent = true })).AssertOk();
        (await emu.DeleteAsync("/v3/users/cometchat-uid-2")).AssertOk();
        (await emu.PutAsync("/v3/users/cometchat-uid-3", new { name = "Renamed" })).AssertOk();
        await emu.CreateUserAsync("extra");
        await emu.ResetAsync();
        Assert.Equal(before, await UsersAsync(emu));
        Assert.False((await emu.GetAsync("/v3/users/cometchat-uid-3")).Data.TryGetProperty("updatedAt", out _));
    }

    [Fact]
    public async Task An_existing_data_file_is_left_as_it_is()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-sample-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = await StartAsync(SampleDataSet.Current, path))
            {
                (await first.DeleteAsync("/v3/users/cometchat-uid-1", new { permanent = true })).AssertOk();
            }
            await using (var second = await StartAsync(SampleDataSet.Current, path))
            {
                Assert.Equal(4, (await UsersAsync(second)).Count);
            }
            await using (var third = await StartAsync(SampleDataSet.Superheroes, path))
            {
                Assert.DoesNotContain(await UsersAsync(third), u => u.StartsWith("superhero", StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Theory]
    [InlineData(new[] { "--sample-data" }, SampleDataSet.Current)]
    [InlineData(new[] { "--sample-data", "--port", "5000" }, SampleDataSet.Current)]
    [InlineData(new[] { "--sample-data", "superheroes" }, SampleDataSet.Superheroes)]
    [InlineData(new[] { "--sample-data=Current" }, SampleDataSet.Current)]
    [InlineData(new[] { "--sample-data", "none" }, SampleDataSet.None)]
    [InlineData(new[] { "--port", "5000" }, SampleDataSet.None)]
    public void The_option_alone_means_the_current_set(string[] args, SampleDataSet expected) =>
        Assert.Equal(expected, CommandLine.Parse(args, _ => null).SampleData);

    [Fact]
    public void The_environment_variable_sets_it_and_the_command_line_wins()
    {
        string? Environment(string name) => name == "COMETCHAT_EMULATOR_SAMPLE_DATA" ? "superheroes" : null;
        Assert.Equal(SampleDataSet.Superheroes, CommandLine.Parse([], Environment).SampleData);
        Assert.Equal(SampleDataSet.None, CommandLine.Parse(["--sample-data", "none"], Environment).SampleData);
    }

    [Fact]
    public async Task The_executable_seeds_the_set_named_on_its_command_line()
    {
        await using var p = await EmulatorProcess.StartAsync(["--sample-data", "superheroes", "--api-key", "k"]);
        using var http = new HttpClient { BaseAddress = new Uri(p.BaseAddress) };
        http.DefaultRequestHeaders.Add("apikey", "k");
        using var document = JsonDocument.Parse(await http.GetStringAsync("/v3/users"));
        var uids = document.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("uid").GetString()).Order();
        Assert.Equal(["superhero1", "superhero2", "superhero3", "superhero4", "superhero5"], uids);
    }
}
