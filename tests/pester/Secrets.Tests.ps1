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
        $secrets = @{ ApiKey = $Key; AuthOnlyKey = $AuthOnlyKey; WrongKey = $WrongKey }
        if ($script:SecondKey) { $secrets.SecondEmulatorKey = $script:SecondKey }
        foreach ($secret in $secrets.GetEnumerator()) {
            foreach ($form in Get-KeyForms $secret.Value) {
                if ($Text.IndexOf($form, [StringComparison]::OrdinalIgnoreCase) -ge 0) { $secret.Key; break }
            }
        }
    }

    # One case per exported command, run in this order inside the transcript with -Verbose -Debug (@common), each
    # dot-sourced so that later cases see what earlier ones made. A test below fails, naming it, when a command of
    # the module has no case here.
    $script:Cases = [ordered]@{
        'Connect-CometChat'          = {
            $context = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PassThru @common
            $context
            $context.ToString()
            $context | Export-Clixml -Path $clixml -Depth 5
            Get-Content -Raw $clixml
            $context | ConvertTo-Json -Depth 5
        }
        'Get-CometChatContext'       = { Get-CometChatContext @common }
        'Start-CometChatEmulator'    = {
            $second = Start-CometChatEmulator -NoConnect @common
            $script:SecondKey = Get-PlainKey $second.ApiKey
            $second
            $second | Format-List * -Force | Out-String
        }
        'Stop-CometChatEmulator'     = { Stop-CometChatEmulator -InputObject $second @common }
        'New-CometChatRole'          = { New-CometChatRole -Role agents -Name Agents @common }
        'Get-CometChatRole'          = { Get-CometChatRole @common }
        'Set-CometChatRole'          = { Set-CometChatRole -Role agents -Name 'Support agents' @common }
        'New-CometChatUser'          = {
            New-CometChatUser -Uid alice -Name Alice -Role agents -Metadata @{ '@private' = @{ email = 'alice@example.com' } } -WithAuthToken @common
            New-CometChatUser -Uid bob -Name Bob @common
            New-CometChatUser -Uid carol -Name Carol -WhatIf @common
        }
        'Get-CometChatUser'          = {
            Get-CometChatUser @common
            Get-CometChatUser -Uid alice @common
        }
        'Set-CometChatUser'          = { Set-CometChatUser -Uid alice -StatusMessage 'Busy' -PassThru @common }
        'Add-CometChatFriend'        = { Add-CometChatFriend -Uid alice -FriendUid bob @common }
        'Get-CometChatFriend'        = { Get-CometChatFriend -Uid alice @common }
        'Remove-CometChatFriend'     = { Remove-CometChatFriend -Uid alice -FriendUid bob -Confirm:$false @common }
        'Compare-CometChatUser'      = { [pscustomobject]@{ Uid = 'alice'; Name = 'Alice Compared' } | Compare-CometChatUser @common }
        'Sync-CometChatUser'         = { [pscustomobject]@{ Uid = 'alice'; Name = 'Alice Synced' } | Sync-CometChatUser -Confirm:$false @common }
        'Block-CometChatUser'        = { Block-CometChatUser -Uid alice -BlockedUid bob @common }
        'Get-CometChatBlockedUser'   = { Get-CometChatBlockedUser -Uid alice @common }
        'Unblock-CometChatUser'      = { Unblock-CometChatUser -Uid alice -BlockedUid bob @common }
        'New-CometChatAuthToken'     = {
            $token = New-CometChatAuthToken -Uid bob @common
            $token
            $token | Format-Table | Out-String
        }
        'Get-CometChatAuthToken'     = { Get-CometChatAuthToken -Uid bob @common }
        'Remove-CometChatAuthToken'  = { Remove-CometChatAuthToken -Uid bob -AuthToken $token.Token -Confirm:$false @common }
        'Disable-CometChatUser'      = { Disable-CometChatUser -Uid bob -Confirm:$false @common }
        'Enable-CometChatUser'       = { Enable-CometChatUser -Uid bob -Confirm:$false @common }
        'Remove-CometChatUser'       = {
            Remove-CometChatUser -Uid alice -Permanent -WhatIf @common
            Remove-CometChatUser -Uid alice -Permanent -Confirm:$false @common
            Set-CometChatUser -Uid bob -Role default @common
        }
        'Remove-CometChatRole'       = { Remove-CometChatRole -Role agents -Confirm:$false @common }
        'Disconnect-CometChat'       = {
            Disconnect-CometChat @common
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -SkipConnectionTest
        }
    }

    # A proxy that answers every request 200 with an HTML page echoing the request's headers, the key among them.
    if (-not ('CometChatTests.EchoProxy' -as [type])) {
        Add-Type -TypeDefinition @'
namespace CometChatTests {
    using System.Net; using System.Net.Sockets; using System.Text; using System.Threading.Tasks;
    public sealed class EchoProxy : System.IDisposable {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        public EchoProxy() { _listener.Start(); Port = ((IPEndPoint)_listener.LocalEndpoint).Port; Task.Run(AcceptAsync); }
        public int Port { get; }
        private async Task AcceptAsync() {
            while (true) {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); } catch (System.Exception) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        private static async Task ServeAsync(TcpClient client) {
            using (client) {
                var stream = client.GetStream();
                var buffer = new byte[65536]; var read = 0; var head = "";
                while (!head.Contains("\r\n\r\n")) {
                    var n = await stream.ReadAsync(buffer, read, buffer.Length - read);
                    if (n == 0) return;
                    read += n; head = Encoding.ASCII.GetString(buffer, 0, read);
                }
                var body = Encoding.UTF8.GetBytes("<html><body><h1>Proxy</h1><pre>" + head.Substring(0, head.IndexOf("\r\n\r\n")) + "</pre></body></html>");
                var status = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(status, 0, status.Length);
                await stream.WriteAsync(body, 0, body.Length);
            }
        }
        public void Dispose() { _listener.Stop(); }
    }
}
'@
    }
    $script:EchoProxy = [CometChatTests.EchoProxy]::new()

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
    $EchoProxy.Dispose()
}

Describe 'The API key' {
    It 'the emulator really echoes a rejected key, so the redaction below is needed' {
        $root = $Emulator.BaseUri.AbsoluteUri.TrimEnd('/')
        $raw = try { Invoke-RestMethod "$root/users" -Headers @{ apikey = $WrongKey } } catch { $_.ErrorDetails.Message }
        $raw | Should -BeLike "*$WrongKey*"
    }

    It 'has a case below for every command the module exports, each running that command' {
        $exported = @(Get-Command -Module CometChat.PowerShell).Name
        $exported | Should -Not -BeNullOrEmpty
        $missing = @($exported | Where-Object { -not $Cases.Contains($_) })
        $missing | Should -BeNullOrEmpty -Because "each command runs with -Verbose -Debug in the search for the key; add a case to `$Cases for: $($missing -join ', ')"
        foreach ($name in $Cases.Keys) {
            $Cases[$name].ToString() | Should -Match "(^|\s)$([regex]::Escape($name))\s" -Because "the case for $name runs it"
        }
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

                # Every exported command, as its case in $Cases runs it.
                foreach ($case in $Cases.Values) { . $case }

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
                # A proxy's 200 page that echoes the request's headers is quoted in ERR_INVALID_RESPONSE: key scrubbed.
                $proxy = Connect-CometChat -BaseUri "http://127.0.0.1:$($EchoProxy.Port)/v3" -ApiKey $Emulator.ApiKey -SkipConnectionTest -PassThru -MaxRetryCount 0
                Get-CometChatUser -Uid bob -Context $proxy @common
                try { Get-CometChatUser -Context $proxy @common } catch { $_ }
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
            'AUTH_ERR_NO_ACCESS', 'ERR_UID_NOT_FOUND', 'ERR_ROLE_NOT_FOUND', 'ERR_BAD_REQUEST', 'ERR_CONNECTION_FAILED', 'ERR_REQUEST_TIMEOUT',
            'ERR_INVALID_RESPONSE', '<h1>Proxy</h1><pre>GET /v3/users/bob', 'apikey: ***') {
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
