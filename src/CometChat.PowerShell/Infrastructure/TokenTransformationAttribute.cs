using System.Security;
using CometChat.Client.Secrets;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Lets a token parameter take the token as text or as the SecureString this module's token objects hold, so
/// that <c>Get-CometChatAuthToken -Uid ada | Remove-CometChatAuthToken</c> binds each token by name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class TokenTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is SecureString secret ? SecretText.Reveal(secret) : value;
    }
}
