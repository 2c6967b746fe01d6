using CometChat.Client.Secrets;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>Accepts a plain string where a SecureString is expected (e.g. a key read from a vault as text).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text ? SecretText.Protect(text) : value;
    }
}
