# The API key controls every user of an app. These tests run every cmdlet with -Verbose -Debug inside a transcript,
# force each error path, serialize connections and errors, and look for the key's text (and its common encodings)
# in everything the module wrote.

BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
    $script:Key = Get-PlainKey $Emulator.ApiKey
    $script:AuthOnlyKey = Get-PlainKey $Emulator.AuthOnlyKey
    $script:WrongKey = 'wrong' + [guid]::NewGuid().ToString('N')
    # CometChat masks the middle of a rejected key, but a proxy or an older service may echo it whole: the
    # emulator does so on request, so that the module's own scrubbing is what keeps the key out of the output.
    Invoke-EmulatorAdmin -Emulator $Emulator -Path settings -Method Put -Body @{ maskRejectedKeys = $false } | Out-Null

    function Get-KeyForms {
        # The key as text, and as the hex and Base64 of its UTF-8 and UTF-16 bytes (what a careless serializer writes).
        param([string] $Text)
        foreach ($encoding in [Text.Encoding]::UTF8, [Text.Encoding]::Unicode) {
            $bytes = $encoding.GetBytes($Text)
            [Convert]::ToHexString($bytes)
            [Convert]::ToBase64String($bytes)
        }
        $Text
    }

    function Find-Secret {
        # The names of the secrets whose text (in any form) occurs in $Text.
        param([string] $Text)
        foreach ($secret in @{ ApiKey = $Key; AuthOnlyKey = $AuthOnlyKey; WrongKey = $WrongKey }.GetEnumerator()) {
            foreach ($form in Get-KeyForms $secret.Value) {
                if ($Text.IndexOf($form, [StringComparison]::OrdinalIgnoreCase) -ge 0) { $secret.Key; break }
            }
        }
    }

    function Set-Latency([int] $Milliseconds) {
        $DebugPreference = 'SilentlyContinue'
        $VerbosePreference = 'SilentlyContinue'
        Invoke-EmulatorAdmin -Emulator $Emulator -Path settings -Method Put -Body @{ latencyMilliseconds = $Milliseconds } | Out-Null
    }

    function ConvertTo-AllText {
        # Everything a record shows or carries: its default view, all properties, exception chain and data, JSON.
        param([object[]] $Records)
        $parts = foreach ($record in $Records) {
            $record | Out-String -Width 400
            $record | Format-List * -Force | Out-String -Width 400
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $record.Exception.ToString()
                $record.Exception | Format-List * -Force | Out-String -Width 400
                $record.ErrorDetails | Format-List * -Force | Out-String -Width 400
                foreach ($entry in $record.Exception.Data.GetEnumerator()) { "$($entry.Key)=$($entry.Value)" }
                $record.TargetObject | Out-String -Width 400
            }
            if ($record -isnot [System.Management.Automation.ErrorRecord]) {
                try { $record | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue } catch { "unserializable $($record.GetType())" }
            }
        }
        $parts -join "`n"
    }
}

AfterAll {
    Stop-CometChatEmulator
}

Describe 'The API key' {
    It 'the emulator really echoes a rejected key, so the redaction below is needed' {
        $root = $Emulator.BaseUri.AbsoluteUri.TrimEnd('/')
        $raw = try { Invoke-RestMethod "$root/users" -Headers @{ apikey = $WrongKey } } catch { $_.ErrorDetails.Message }
        $raw | Should -BeLike "*$WrongKey*"
    }

    It 'appears in no output, stream, error, serialization, transcript or -WhatIf text of any cmdlet' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "secrets-$([guid]::NewGuid()).txt"
        $clixml = Join-Path ([IO.Path]::GetTempPath()) "secrets-$([guid]::NewGuid()).xml"
        $wrong = ConvertTo-SecureString $WrongKey -AsPlainText -Force
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try {
            $Error.Clear()   # only what the module's commands add below is exported
            $records = & {
                $ErrorActionPreference = 'Continue'
                $VerbosePreference = 'Continue'
                $DebugPreference = 'Continue'
                $InformationPreference = 'Continue'
                $common = @{ Verbose = $true; Debug = $true }

                $context = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PassThru @common
                $context
                $context.ToString()
                Get-CometChatContext @common
                $context | Export-Clixml -Path $clixml -Depth 5
                Get-Content -Raw $clixml
                $context | ConvertTo-Json -Depth 5

                New-CometChatRole -Role agents -Name Agents @common
                Get-CometChatRole @common
                Set-CometChatRole -Role agents -Name 'Support agents' @common
                New-CometChatUser -Uid alice -Name Alice -Role agents -Metadata @{ '@private' = @{ email = 'alice@example.com' } } -WithAuthToken @common
                New-CometChatUser -Uid bob -Name Bob @common
                Get-CometChatUser @common
                Get-CometChatUser -Uid alice @common
                Set-CometChatUser -Uid alice -StatusMessage 'Busy' -PassThru @common
                Block-CometChatUser -Uid alice -BlockedUid bob @common
                Get-CometChatBlockedUser -Uid alice @common
                Unblock-CometChatUser -Uid alice -BlockedUid bob @common
                $token = New-CometChatAuthToken -Uid bob @common
                $token
                $token | Format-Table | Out-String
                Get-CometChatAuthToken -Uid bob @common
                Remove-CometChatAuthToken -Uid bob -AuthToken $token.Token -Confirm:$false @common
                Disable-CometChatUser -Uid bob -Confirm:$false @common
                Enable-CometChatUser -Uid bob -Confirm:$false @common
                New-CometChatUser -Uid carol -Name Carol -WhatIf @common
                Remove-CometChatUser -Uid alice -Permanent -WhatIf @common
                Remove-CometChatUser -Uid alice -Permanent -Confirm:$false @common
                Set-CometChatUser -Uid bob -Role default @common
                Remove-CometChatRole -Role agents -Confirm:$false @common

                # Error paths: a rejected key, an Auth Only key, unknown uid and role, invalid input, a refused
                # connection, a timeout.
                try { Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $wrong @common } catch { $_ }
                $wrongContext = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $wrong -SkipConnectionTest -PassThru
                try { Get-CometChatUser -Context $wrongContext @common } catch { $_ }
                try { [pscustomobject]@{ Uid = 'x1'; Name = 'X' } | New-CometChatUser -Context $wrongContext @common } catch { $_ }
                $authOnly = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.AuthOnlyKey -SkipConnectionTest -PassThru
                try { Get-CometChatUser -Context $authOnly @common } catch { $_ }
                # Connect-CometChat also makes its connection the default; back to the full-access key.
                Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -SkipConnectionTest
                Get-CometChatUser -Uid nobody @common
                Set-CometChatUser -Uid bob -Role ghost @common
                New-CometChatUser -Uid '../roles' -Name Bad @common
                $refused = Connect-CometChat -BaseUri 'http://127.0.0.1:9/v3' -ApiKey $Emulator.ApiKey -SkipConnectionTest -PassThru -TimeoutSec 1 -MaxRetryCount 0
                Get-CometChatUser -Uid bob -Context $refused @common
                # The test's own admin calls send the key in clear (Invoke-RestMethod shows headers with -Debug): silence them.
                Set-Latency 2500
                $slow = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -SkipConnectionTest -PassThru -TimeoutSec 1 -MaxRetryCount 0
                Get-CometChatUser -Uid bob -Context $slow @common
                Set-Latency 0
                $Error | Export-Clixml -Path $clixml -Depth 3
                Get-Content -Raw $clixml
            } *>&1
        }
        finally {
            Stop-Transcript | Out-Null
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -SkipConnectionTest
        }
        $transcriptText = Get-Content -Raw $transcript
        Remove-Item $transcript, $clixml -ErrorAction SilentlyContinue
        $text = (ConvertTo-AllText $records) + "`n" + $transcriptText

        # The run did exercise what it claims to: debug lines with headers, verbose request lines, each error path.
        # (Checked with Contains, so that a failure doesn't print the whole text.)
        foreach ($evidence in 'apikey: ***', 'GET /v3/users/alice -> 200', 'What if: Create CometChat user', 'AUTH_ERR_APIKEY_NOT_FOUND',
            'AUTH_ERR_NO_ACCESS', 'ERR_UID_NOT_FOUND', 'ERR_ROLE_NOT_FOUND', 'ERR_BAD_REQUEST', 'ERR_CONNECTION_FAILED', 'ERR_REQUEST_TIMEOUT') {
            $text.Contains($evidence) | Should -BeTrue -Because "the run shows '$evidence'"
        }

        $found = Find-Secret $text
        if ($found) {
            # Say where, without printing the secret itself.
            foreach ($line in $text -split "`n") {
                foreach ($form in (Get-KeyForms $Key) + (Get-KeyForms $WrongKey) + (Get-KeyForms $AuthOnlyKey)) {
                    if ($line.IndexOf($form, [StringComparison]::OrdinalIgnoreCase) -ge 0) { Write-Host ('LEAK: ' + $line.Replace($form, '<SECRET>')) }
                }
            }
        }
        $found | Should -BeNullOrEmpty
    }

    It 'is held by the connection as nothing but a SecureString' {
        $context = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PassThru
        $context.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
        Find-Secret (ConvertTo-AllText @($context)) | Should -BeNullOrEmpty
        $options = $context.GetType().GetProperty('Client', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($context).Options
        $options.ApiKey | Should -BeOfType ([securestring])
        $options.ApiKey.IsReadOnly() | Should -BeTrue
    }

    It 'is accepted from a plain string but kept as a SecureString' {
        $context = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Key -PassThru
        Find-Secret (ConvertTo-AllText @($context)) | Should -BeNullOrEmpty
    }
}

Describe 'Transport security' {
    It 'refuses plain http to <Uri>' -ForEach @(
        @{ Uri = 'http://example.com/v3' }
        @{ Uri = 'http://10.0.0.5:8080/v3' }
        @{ Uri = 'http://app1.api-us.cometchat.io/v3' }
    ) {
        { Connect-CometChat -BaseUri $Uri -ApiKey $Emulator.ApiKey -SkipConnectionTest } |
            Should -Throw -ErrorId 'CometChatInvalidBaseUri,*' -ExpectedMessage '*plain http to another machine*Use https*'
    }

    It 'accepts plain http to the loopback address <Uri>' -ForEach @(
        @{ Uri = 'http://127.0.0.1:1/v3' }
        @{ Uri = 'http://localhost:1' }
        @{ Uri = 'http://[::1]:1/v3' }
    ) {
        (Connect-CometChat -BaseUri $Uri -ApiKey $Emulator.ApiKey -SkipConnectionTest -PassThru).BaseUri.Scheme | Should -Be 'http'
    }

    It 'accepts https anywhere, and refuses credentials, queries or fragments in the base URI' {
        (Connect-CometChat -BaseUri 'https://app1.api-eu.cometchat.io' -ApiKey $Emulator.ApiKey -SkipConnectionTest -PassThru).BaseUri |
            Should -Be 'https://app1.api-eu.cometchat.io/v3'
        foreach ($bad in 'https://user:secret@example.com/v3', 'https://example.com/v3?x=1', 'https://example.com/v3#f') {
            { Connect-CometChat -BaseUri $bad -ApiKey $Emulator.ApiKey -SkipConnectionTest } |
                Should -Throw -ExpectedMessage '*without user name, query or fragment*'
        }
    }

    It 'refuses COMETCHAT_BASE_URI with plain http to another machine too' {
        $saved = @{ Uri = $env:COMETCHAT_BASE_URI; Key = $env:COMETCHAT_API_KEY }
        try {
            $env:COMETCHAT_BASE_URI = 'http://example.com/v3'
            $env:COMETCHAT_API_KEY = 'k'
            { Connect-CometChat -SkipConnectionTest } | Should -Throw -ExpectedMessage '*plain http to another machine*'
        }
        finally {
            $env:COMETCHAT_BASE_URI = $saved.Uri
            $env:COMETCHAT_API_KEY = $saved.Key
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -SkipConnectionTest
        }
    }

    It 'has no switch or code path that turns certificate validation off' {
        $parameters = Get-Command -Module CometChat.PowerShell | ForEach-Object { $_.Parameters.Keys }
        $parameters | Where-Object { $_ -match 'Certificate|SkipCert|Insecure' } | Should -BeNullOrEmpty
        $sources = Get-ChildItem (Join-Path $PSScriptRoot '../../src') -Recurse -Filter *.cs
        $sources | Select-String -Pattern 'ServerCertificateCustomValidationCallback|DangerousAcceptAnyServerCertificateValidator|RemoteCertificateValidationCallback|CheckCertificateRevocationList\s*=\s*false' |
            Should -BeNullOrEmpty
    }
}
