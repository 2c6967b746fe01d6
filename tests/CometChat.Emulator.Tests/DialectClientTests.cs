using System.Net;
using CometChat.Emulator.Model;

namespace CometChat.Emulator.Tests;

/// <summary>
/// A client written against the real service (<see cref="DialectClient"/>: <c>/v3.0</c>, metadata as a string,
/// bracket-form arrays, 1/0 booleans) runs the flows public live-API tests run, on an emulator with sample data.
/// </summary>
public sealed class DialectClientTests
{
    [Theory]
    [InlineData(SampleDataSet.Superheroes, "superhero1", "superhero2", ArrayStyle.Indexed)]
    [InlineData(SampleDataSet.Current, "cometchat-uid-1", "cometchat-uid-2", ArrayStyle.Brackets)]
    public async Task A_client_of_the_real_service_works_unchanged(SampleDataSet set, string first, string second, ArrayStyle arrays)
    {
        await using var emu = await TestEmulator.StartAsync(sampleData: set);
        using var client = new DialectClient(emu.App.BaseAddress, TestEmulator.ApiKey, arrays);

        // The sample users are there, as in a new app.
        Assert.Equal(5, (await client.ListUidsAsync(new UserListQuery())).Length);
        Assert.Equal("default", (await client.GetUserAsync(first)).GetProperty("role").GetString());

        // Create and update with metadata typed as a string.
        await client.CreateRoleAsync("qa", "QA");
        var created = await client.CreateUserAsync("qa-user", "QA User", """{"team":"qa"}""", ["qa tag1", "qa tag2"], role: "qa");
        Assert.Equal("qa", created.GetProperty("metadata").GetProperty("team").GetString());
        var updated = await client.UpdateUserAsync("qa-user", "QA User 2", """{"email":"user@email.com", "contactNumber":"0123456789"}""");
        Assert.Equal("user@email.com", updated.GetProperty("metadata").GetProperty("email").GetString());
        Assert.False(updated.GetProperty("metadata").TryGetProperty("team", out _));

        // Filters in bracket form are applied, not ignored.
        Assert.Equal(["qa-user"], await client.ListUidsAsync(new UserListQuery { Tags = ["qa tag2", "nothing"] }));
        Assert.Equal(["qa-user"], await client.ListUidsAsync(new UserListQuery { Roles = ["qa"] }));
        Assert.Equal(["qa-user"], await client.ListUidsAsync(new UserListQuery { SearchKey = "qa", SearchIn = ["uid"] }));
        Assert.Empty(await client.ListUidsAsync(new UserListQuery { SearchKey = "qa", SearchIn = ["name"], Tags = ["nothing"] }));
        var page = await client.ListUidsAsync(new UserListQuery { PerPage = 2, WithTags = true });
        Assert.Equal(2, page.Length);

        // Booleans as 1/0.
        await client.DeactivateUserAsync("qa-user");
        Assert.Equal(["qa-user"], await client.ListUidsAsync(new UserListQuery { OnlyDeactivated = true }));
        Assert.Contains("qa-user", await client.ListUidsAsync(new UserListQuery { WithDeactivated = true }));
        Assert.DoesNotContain("qa-user", await client.ListUidsAsync(new UserListQuery { WithDeactivated = false }));

        // Tokens and blocks between the sample users.
        var token = await client.CreateAuthTokenAsync(first);
        Assert.StartsWith(first + "_", token.GetProperty("authToken").GetString());
        await client.BlockAsync(first, second);
        Assert.Equal(second, (await client.ListBlockedAsync(first))[0].GetProperty("uid").GetString());

        // The errors it reads are the real service's.
        var missing = await Assert.ThrowsAsync<DialectClientException>(() => client.GetUserAsync("nobody"));
        Assert.Equal((HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND"), (missing.Status, missing.Code));
        using var wrongKey = new DialectClient(emu.App.BaseAddress, new string('1', 32), arrays);
        var rejected = await Assert.ThrowsAsync<DialectClientException>(() => wrongKey.GetUserAsync(first));
        Assert.Equal("AUTH_ERR_APIKEY_NOT_FOUND", rejected.Code);
        Assert.Equal("The 11111**********************11111 key doesn't work. Please use correct apiKey.", rejected.DevMessage);
    }

    [Theory]
    [InlineData(ArrayStyle.Indexed, "tags%5B0%5D=a&tags%5B1%5D=b&withTags=1")]
    [InlineData(ArrayStyle.Brackets, "tags[]=a&tags[]=b&withTags=1")]
    public void It_writes_arrays_as_those_clients_do(ArrayStyle arrays, string expected)
    {
        using var client = new DialectClient("http://127.0.0.1:1", "k", arrays);
        Assert.Equal(expected, client.QueryString(new UserListQuery { Tags = ["a", "b"], WithTags = true }));
    }
}
