namespace CometChat.PowerShell.Emulator;

/// <summary>The sample users an emulator's new app starts with (<c>Start-CometChatEmulator -SampleData</c>).</summary>
public enum EmulatorSampleData
{
    /// <summary><c>cometchat-uid-1</c> … <c>cometchat-uid-5</c>, as CometChat apps created since 12 August 2024 have.</summary>
    Current,

    /// <summary><c>superhero1</c> … <c>superhero5</c>, as older CometChat apps have.</summary>
    Superheroes,
}
