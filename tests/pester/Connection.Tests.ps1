BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator -NoConnect
    $script:Key = Get-PlainKey $Emulator.ApiKey
}

AfterAll {
    Stop-CometChatEmulator -InputObject $Emulator
}

Describe 'Connect-CometChat' {
    BeforeEach { Disconnect-CometChat }

    It 'connects by base URI and key and becomes the default connection' {
        Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
        $context = Get-CometChatContext
        $context.BaseUri | Should -Be $Emulator.BaseUri
        $context.CoreRequestsPerMinute | Should -Be 10000
        # Commands without -Context use it: what one creates, this emulator holds.
        New-CometChatUser -Uid default1 -Name 'By Default' | Out-Null
        (Get-CometChatUser -Uid default1 -Context $Emulator.Context).Name | Should -Be 'By Default'
    }

    It 'adds /v3 to a base URI given without it and accepts a plain-text key' {
        $root = $Emulator.BaseUri.AbsoluteUri -replace '/v3$', ''
        $context = Connect-CometChat -BaseUri $root -ApiKey $Key -PassThru
        $context.BaseUri.AbsoluteUri | Should -Be $Emulator.BaseUri.AbsoluteUri
    }

    It 'builds the regional URI from app ID and region' {
        $context = Connect-CometChat -AppId 12345abc -Region EU -ApiKey 'k' -SkipConnectionTest -PassThru
        $context.BaseUri.AbsoluteUri | Should -Be 'https://12345abc.api-eu.cometchat.io/v3'
        $context.Region | Should -Be 'eu'
        $context.AppId | Should -Be '12345abc'
    }

    It 'rejects an unknown region' {
        { Connect-CometChat -AppId a -Region asia -ApiKey k -SkipConnectionTest } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CometChat.PowerShell.Commands.ConnectCometChatCommand'
    }

    It 'reads COMETCHAT_* environment variables when called with no arguments' {
        $saved = $env:COMETCHAT_BASE_URI, $env:COMETCHAT_API_KEY
        try {
            $env:COMETCHAT_BASE_URI = $Emulator.BaseUri.AbsoluteUri
            $env:COMETCHAT_API_KEY = $Key
            Connect-CometChat
            (Get-CometChatContext).BaseUri | Should -Be $Emulator.BaseUri
        }
        finally {
            $env:COMETCHAT_BASE_URI, $env:COMETCHAT_API_KEY = $saved
        }
    }

    It 'says which settings are missing when the environment has none' {
        $saved = $env:COMETCHAT_BASE_URI, $env:COMETCHAT_API_KEY, $env:COMETCHAT_APP_ID, $env:COMETCHAT_REGION
        try {
            $env:COMETCHAT_BASE_URI = $env:COMETCHAT_API_KEY = $env:COMETCHAT_APP_ID = $env:COMETCHAT_REGION = $null
            $failure = { Connect-CometChat } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatConnectionSettingsMissing,*'
            $failure.Exception.Message | Should -BeLike '*COMETCHAT_API_KEY*'
        }
        finally {
            $env:COMETCHAT_BASE_URI, $env:COMETCHAT_API_KEY, $env:COMETCHAT_APP_ID, $env:COMETCHAT_REGION = $saved
        }
    }

    It 'stops with an authentication error for a rejected key, never showing the key' {
        $badKey = 'f' * 40
        $failure = { Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $badKey } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'AUTH_ERR_APIKEY_NOT_FOUND,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($failure | Out-String) + $failure.ErrorDetails.Message | Should -Not -BeLike "*$badKey*"
        Get-CometChatContext | Should -BeNullOrEmpty
    }

    It 'makes a rejected key a terminating error in every other cmdlet too, and hides the key' {
        $badKey = 'e' * 40
        Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $badKey -SkipConnectionTest
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Uid = "u$_"; Name = "User $_" } }
        $failure = { $rows | New-CometChatUser -ErrorAction SilentlyContinue } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'AUTH_ERR_APIKEY_NOT_FOUND,*'
        ($failure | Out-String) | Should -Not -BeLike "*$badKey*"
    }

    It 'warns about an Auth Only key but connects' {
        Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.AuthOnlyKey -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -BeLike '*Auth Only*'
        Get-CometChatContext | Should -Not -BeNullOrEmpty
    }

    It 'never shows the key in the connection object' {
        $context = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PassThru
        ($context | Format-List * | Out-String) + ($context | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -BeLike "*$Key*"
        $context.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
    }

    It 'keeps the key out of verbose output' {
        Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
        $verbose = New-CometChatUser -Uid verbose1 -Name V -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose.Message | Where-Object { $_ -like 'POST /v3/users -> 200 in * ms (attempt 1)' }) | Should -HaveCount 1
        ($verbose.Message -join "`n") | Should -Not -BeLike "*$Key*"
    }

    It 'uses -Context instead of the default connection' {
        $other = Start-CometChatEmulator -NoConnect
        try {
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
            New-CometChatUser -Uid only-there -Name 'Only There' -Context $other.Context | Out-Null
            Get-CometChatUser -Uid only-there -Context $other.Context | Should -Not -BeNullOrEmpty
            Get-CometChatUser -Uid only-there -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            Stop-CometChatEmulator -InputObject $other
        }
    }

    It 'Disconnect-CometChat forgets the default connection' {
        Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
        Disconnect-CometChat
        Get-CometChatContext | Should -BeNullOrEmpty
    }
}
