using System.Net;
using CometChat.Emulator.Http;

namespace CometChat.Emulator.Tests;

/// <summary>How a rejected key is shown: masked in the middle, as CometChat does, unless masking is turned off.</summary>
public sealed class RejectedKeyTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private async Task<(string? Message, string? DevMessage)> RejectAsync(string key, string path = "/v3/users")
    {
        var r = (await Emu.GetAsync(path, key: key)).AssertError(HttpStatusCode.Unauthorized, "AUTH_ERR_APIKEY_NOT_FOUND");
        return (r.Error.GetProperty("message").GetString(), r.Error.GetProperty("devMessage").GetString());
    }

    [Fact]
    public async Task A_32_character_key_reads_as_in_the_recorded_answer_of_the_live_service()
    {
        var (message, devMessage) = await RejectAsync(new string('1', 32));
        Assert.Equal("The key 11111**********************11111 does not exist. Please use correct apiKey.", message);
        Assert.Equal("The 11111**********************11111 key doesn't work. Please use correct apiKey.", devMessage);
    }

    [Fact]
    public async Task A_40_character_key_shows_its_first_and_last_five_characters_and_a_star_for_each_one_between()
    {
        var key = "0123456789abcdef0123456789abcdef01234567";
        var (message, devMessage) = await RejectAsync(key);
        var masked = "01234" + new string('*', 30) + "34567";
        Assert.Equal($"The key {masked} does not exist. Please use correct apiKey.", message);
        Assert.Equal($"The {masked} key doesn't work. Please use correct apiKey.", devMessage);
    }

    [Theory]
    [InlineData("k", "*")]
    [InlineData("0123456789", "**********")]
    [InlineData("0123456789a", "01234*6789a")]
    public void Keys_of_ten_characters_or_fewer_are_all_stars_longer_ones_keep_five_at_each_end(string key, string shown) =>
        Assert.Equal(shown, ApiErrors.MaskKey(key));

    [Fact]
    public async Task The_admin_surface_masks_a_rejected_key_too()
    {
        var key = new string('7', 40);
        var (message, _) = await RejectAsync(key, "/_emulator/counters");
        Assert.DoesNotContain(key, message);
        Assert.Contains("77777" + new string('*', 30) + "77777", message);
    }

    [Fact]
    public async Task With_masking_off_the_key_is_echoed_whole_for_testing_a_clients_own_scrubbing()
    {
        (await Emu.PutAsync("/_emulator/settings", new { maskRejectedKeys = false })).AssertOk();
        try
        {
            var key = "0123456789abcdef0123456789abcdef01234567";
            var (message, devMessage) = await RejectAsync(key);
            Assert.Equal($"The key {key} does not exist. Please use correct apiKey.", message);
            Assert.Equal($"The {key} key doesn't work. Please use correct apiKey.", devMessage);
            Assert.False((await Emu.GetAsync("/_emulator/settings")).Data.GetProperty("maskRejectedKeys").GetBoolean());
        }
        finally
        {
            (await Emu.PutAsync("/_emulator/settings", new { maskRejectedKeys = true })).AssertOk();
        }
    }

    [Fact]
    public async Task Masking_is_on_by_default_and_the_setting_takes_only_a_boolean()
    {
        Assert.True((await Emu.GetAsync("/_emulator/settings")).Data.GetProperty("maskRejectedKeys").GetBoolean());
        var r = (await Emu.PutAsync("/_emulator/settings", new { maskRejectedKeys = "no" })).AssertError(HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");
        Assert.NotEmpty(r.Details("maskRejectedKeys"));
    }

    [Fact]
    public async Task An_unknown_uid_has_a_devMessage_of_its_own()
    {
        var r = (await Emu.GetAsync("/v3/users/Nobody")).AssertError(HttpStatusCode.NotFound, "ERR_UID_NOT_FOUND");
        Assert.Equal("The UID nobody does not exist, please make sure you have created a user with UID nobody.",
            r.Error.GetProperty("message").GetString());
        Assert.Equal("The UID nobody does not exist, so please make sure you have created a user with UID nobody.",
            r.Error.GetProperty("devMessage").GetString());
    }
}
