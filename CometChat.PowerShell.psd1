@{
    RootModule           = 'CometChat.PowerShell.dll'
    # The one place the version is set: Directory.Build.props stamps it into every assembly, build.ps1 names the
    # output folder and the package after it.
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0c3a0e-8d64-4c36-9a0e-3b6f3e0c7c11'
    Author               = 'CometChat.PowerShell contributors'
    CompanyName          = 'CometChat.PowerShell contributors'
    Copyright            = '(c) CometChat.PowerShell contributors. MIT License.'
    Description          = 'Manage the users of a CometChat app through the CometChat REST API v3: create, get, query, update, deactivate, delete, block, issue login tokens, manage roles. Pipeline-friendly bulk provisioning from CSV at the rate limit, with a bundled local emulator for demos and tests.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('CometChat.PowerShell.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-CometChat'
        'Disconnect-CometChat'
        'Get-CometChatContext'
        'Start-CometChatEmulator'
        'Stop-CometChatEmulator'
        'New-CometChatUser'
        'Get-CometChatUser'
        'Set-CometChatUser'
        'Remove-CometChatUser'
        'Disable-CometChatUser'
        'Enable-CometChatUser'
        'Compare-CometChatUser'
        'Sync-CometChatUser'
        'Block-CometChatUser'
        'Unblock-CometChatUser'
        'Get-CometChatBlockedUser'
        'Add-CometChatFriend'
        'Get-CometChatFriend'
        'Remove-CometChatFriend'
        'New-CometChatAuthToken'
        'Get-CometChatAuthToken'
        'Remove-CometChatAuthToken'
        'Get-CometChatRole'
        'New-CometChatRole'
        'Set-CometChatRole'
        'Remove-CometChatRole'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('CometChat', 'Chat', 'Users', 'REST', 'Provisioning', 'PSEdition_Core', 'PSEdition_Desktop')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/cometchat-powershell/CometChat.PowerShell'
            ReleaseNotes = 'See CHANGELOG.md in the module folder.'
        }
    }
}
