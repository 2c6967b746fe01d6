# The bulk engine against an emulator that misbehaves on purpose: rate limits, faults, latency.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"

    function New-Rows {
        param([int] $Count, [string] $Prefix = 'bulk')
        1..$Count | ForEach-Object { [pscustomobject]@{ Uid = '{0}{1:d4}' -f $Prefix, $_; Name = "Bulk $_"; Tags = 'a;b'; Metadata = '{"n":' + $_ + '}' } }
    }

    function Get-EmulatorUids {
        param($Emulator)
        $root = $Emulator.BaseUri.AbsoluteUri
        $headers = @{ apikey = (Get-PlainKey $Emulator.ApiKey) }
        $page = 1; $uids = @()
        do {
            $response = Invoke-RestMethod "$root/users?perPage=1000&page=$page" -Headers $headers
            $uids += $response.data.uid
            $page++
        } while ($page -le $response.meta.pagination.total_pages)
        $uids
    }

    function Get-FaultCounters {
        param($Emulator)
        (Invoke-EmulatorAdmin -Emulator $Emulator -Path counters).data.faults
    }
}

Describe 'Pacing' {
    BeforeAll {
        # 1,200 core requests per minute in 3-second windows: 60 per window. The client paces to 800 a minute (780
        # with its headroom): at most 40 a window leave the pacer, so 20 requests (1.5 s of them) may be held up on
        # their way without reaching the limit, while an unpaced client, or two runspaces with a pacer each (78 a
        # window), go over it.
        $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 1200 -RateLimitWindowSeconds 3 -NoConnect
    }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }

    It 'keeps under a low limit before the service has to refuse: no 429 at all' {
        $connection = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -CoreRequestsPerMinute 800 -PassThru
        $created = New-Rows 90 | New-CometChatUser -Context $connection -InformationVariable info
        $created | Should -HaveCount 90
        Get-EmulatorRequestCount $Emulator -Status 429 | Should -Be 0
        ($info.MessageData | Select-Object -Last 1).Retried | Should -Be 0
    }

    It 'shares one pacer between runspaces that use the same connection' {
        Reset-Emulator $Emulator
        $connection = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -CoreRequestsPerMinute 800 -PassThru
        $modulePath = $script:ModulePath
        # Both runspaces start sending at once and go on for over two rate windows, so that a pacer each (78 a
        # window together) would go over the limit, while the shared one keeps them at 40.
        $start = [System.Threading.Barrier]::new(2)
        $counts = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:modulePath
            $runspace = $_
            $rows = 1..80 | ForEach-Object { [pscustomobject]@{ Uid = "r${runspace}x$_"; Name = 'Shared' } }
            $null = ($using:start).SignalAndWait([TimeSpan]::FromSeconds(60))
            @($rows | New-CometChatUser -Context $using:connection).Count
        }
        ($counts | Measure-Object -Sum).Sum | Should -Be 160
        Get-EmulatorRequestCount $Emulator -Status 429 | Should -Be 0
    }
}

Describe 'Retries' {
    It 'rides out a 429 storm: every row created, none reported failed, throttling shown in progress' {
        # 600 per minute in 4-second windows is 40 per window; an unpaced client runs into 429s and must wait them out.
        $emulator = Start-CometChatEmulator -CoreRequestsPerMinute 600 -RateLimitWindowSeconds 4 -NoConnect
        try {
            $connection = Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -CoreRequestsPerMinute 0 -PassThru
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                    param($ModulePath, $Connection, $Rows)
                    Import-Module $ModulePath
                    $ProgressPreference = 'Continue'
                    # Start just after a window begins (windows line up with the unix epoch), so the 40 that fit go
                    # out at once and the 429s that follow ask for a wait of several seconds, long enough to show.
                    Start-Sleep -Milliseconds (4000 - [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() % 4000 + 50)
                    $Rows | New-CometChatUser -Context $Connection -TotalCount $Rows.Count
                }).AddArgument($script:ModulePath).AddArgument($connection).AddArgument((New-Rows 70))
            $created = $shell.Invoke()
            $created | Should -HaveCount 70
            $shell.Streams.Error | Should -HaveCount 0
            Get-EmulatorRequestCount $emulator -Status 429 | Should -BeGreaterThan 0
            $connection.LastOperation.Retried | Should -BeGreaterThan 0
            $connection.LastOperation.Created | Should -Be 70
            # Throttled time is wall-clock: concurrent requests waiting out the same 429 count once.
            $connection.LastOperation.Throttled | Should -BeGreaterThan ([TimeSpan]::FromSeconds(1))
            $connection.LastOperation.Throttled | Should -BeLessOrEqual $connection.LastOperation.Elapsed
            $statuses = $shell.Streams.Progress.StatusDescription
            $statuses | Where-Object { $_ -like '*throttled, resuming in*' } | Should -Not -BeNullOrEmpty
            $shell.Streams.Progress | Where-Object PercentComplete -GT 0 | Should -Not -BeNullOrEmpty
            $shell.Dispose()
        }
        finally {
            Stop-CometChatEmulator -InputObject $emulator
        }
    }

    It 'retries 5xx, dropped connections and timeouts, accounting for every row exactly once' {
        $emulator = Start-CometChatEmulator -FailureRate 0.2 -Seed 11 -FaultDelayMilliseconds 1500 -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -NoConnect
        try {
            $connection = Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -TimeoutSec 1 -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -PassThru
            $rows = New-Rows 120
            $created = $rows | New-CometChatUser -Context $connection -ErrorAction SilentlyContinue -ErrorVariable failures
            $faults = Get-FaultCounters $emulator

            $faults.status500 + $faults.status502 + $faults.status503 | Should -BeGreaterThan 0
            $faults.dropped | Should -BeGreaterThan 0
            $faults.delayed | Should -BeGreaterThan 0
            $faults.afterWrite | Should -BeGreaterThan 0

            $failures | Should -HaveCount 0
            $created.Uid | Should -Be $rows.Uid
            @($created.Uid | Select-Object -Unique) | Should -HaveCount 120
            (Get-EmulatorUids $emulator | Sort-Object) | Should -Be ($rows.Uid | Sort-Object)
            $connection.LastOperation.Retried | Should -BeGreaterThan 0
            # A create applied before its answer was lost comes back as "already exists" on retry, and is reported once, as created.
            $connection.LastOperation.Recovered | Should -BeGreaterThan 0
        }
        finally {
            Stop-CometChatEmulator -InputObject $emulator
        }
    }

    It 'gives up after the retry budget and reports the row, with the other rows unharmed' {
        $emulator = Start-CometChatEmulator -NoConnect
        try {
            $connection = Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -MaxRetryCount 1 -PassThru
            New-Rows 3 | New-CometChatUser -Context $connection | Out-Null
            Invoke-EmulatorAdmin -Emulator $emulator -Path settings -Method Put -Body @{ failureRate = 1; faultDelayMilliseconds = 0 } | Out-Null
            $rows = New-Rows 2 -Prefix doomed
            $rows | New-CometChatUser -Context $connection -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
            $failures | Should -HaveCount 2
            $failures.TargetObject.Uid | Should -Be $rows.Uid
            # What an injected fault ends in: the 500 envelope's code, a gateway page's status, a dropped connection.
            $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -Match '^(ERR_EXCEPTION|ERR_HTTP_502|ERR_HTTP_503|ERR_CONNECTION_FAILED|ERR_REQUEST_TIMEOUT),' }
        }
        finally {
            Stop-CometChatEmulator -InputObject $emulator
        }
    }
}

Describe 'Re-runs' {
    BeforeAll { $script:Emulator = Start-CometChatEmulator }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }
    BeforeEach { Reset-Emulator $Emulator }

    It 'converge with -IfExists Skip: the same users, no errors' {
        $rows = New-Rows 20
        $rows | Select-Object -First 8 | New-CometChatUser | Out-Null
        $rows | New-CometChatUser -IfExists Skip -InformationVariable info -ErrorVariable failures | Out-Null
        $failures | Should -HaveCount 0
        ($info.MessageData | Select-Object -Last 1).Skipped | Should -Be 8
        ($info.MessageData | Select-Object -Last 1).Created | Should -Be 12
        $rows | New-CometChatUser -IfExists Skip -ErrorVariable again | Should -BeNullOrEmpty
        $again | Should -HaveCount 0
        (Get-CometChatUser).Count | Should -Be 20
    }

    It 'converge with -IfExists Update: existing users take the file''s values' {
        New-CometChatUser -Uid bulk0001 -Name 'Old Name' -Tags old -StatusMessage 'kept' | Out-Null
        $rows = New-Rows 5
        $output = $rows | New-CometChatUser -IfExists Update -InformationVariable info
        $output.Uid | Should -Be $rows.Uid
        ($info.MessageData | Select-Object -Last 1).Updated | Should -Be 1
        $updated = Get-CometChatUser -Uid bulk0001
        $updated.Name | Should -Be 'Bulk 1'
        @($updated.Tags) | Should -Be @('a', 'b')
        $updated.StatusMessage | Should -Be 'kept'
        $rows | New-CometChatUser -IfExists Update -ErrorVariable failures | Out-Null
        $failures | Should -HaveCount 0
        (Get-CometChatUser).Count | Should -Be 5
    }

    It 'lets the failed rows of a run be exported and re-run' {
        $rows = @(New-Rows 3) + [pscustomobject]@{ Uid = 'bad uid'; Name = 'Bad'; Tags = ''; Metadata = '' }
        $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures.TargetObject | Export-Csv "$TestDrive/failed.csv"
        $retry = Import-Csv "$TestDrive/failed.csv"
        $retry.Uid | Should -Be 'bad uid'
        $retry | ForEach-Object { $_.Uid = 'fixed-uid'; $_ } | New-CometChatUser | Should -Not -BeNullOrEmpty
        (Get-CometChatUser).Count | Should -Be 4
    }
}

Describe 'Rows for the same uid' {
    BeforeAll { $script:Emulator = Start-CometChatEmulator -LatencyMilliseconds 5 -LatencyJitterMilliseconds 40 -Seed 3 }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }
    BeforeEach { Reset-Emulator $Emulator }

    It 'apply in input order although other rows run concurrently: the last update stays' {
        New-CometChatUser -Uid sam -Name Sam | Out-Null
        $rows = 1..30 | ForEach-Object { [pscustomobject]@{ Uid = 'sam'; StatusMessage = "step $_" } }
        $rows | Set-CometChatUser -ThrottleLimit 16
        (Get-CometChatUser -Uid sam).StatusMessage | Should -Be 'step 30'
    }

    It 'make the first of two rows for a uid the one created, the second the duplicate' {
        $rows = 1..10 | ForEach-Object { [pscustomobject]@{ Uid = "dup$_"; Name = "First $_" }; [pscustomobject]@{ Uid = "DUP$_"; Name = "Second $_" } }
        $created = $rows | New-CometChatUser -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failures
        $created.Name | Should -Be (1..10 | ForEach-Object { "First $_" })
        $failures.TargetObject.Name | Should -Be (1..10 | ForEach-Object { "Second $_" })
    }
}

Describe 'Stopping a run (Ctrl+C)' {
    It 'stops promptly, writes nothing twice, and keeps a summary of what was applied' {
        $data = Join-Path $TestDrive 'stopped-run.db'
        $emulator = Start-CometChatEmulator -LatencyMilliseconds 40 -NoConnect -DataPath $data
        try {
            $connection = Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -PassThru
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                    param($ModulePath, $Connection, $Rows)
                    Import-Module $ModulePath
                    $Rows | New-CometChatUser -Context $Connection -ThrottleLimit 4
                }).AddArgument($script:ModulePath).AddArgument($connection).AddArgument((New-Rows 400))
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $async = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)

            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ($output.Count -lt 20 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $output.Count | Should -BeGreaterOrEqual 20

            $stop = $shell.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue -Because 'Stop must end the run'
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'

            $summary = $connection.LastOperation
            $summary.Stopped | Should -BeTrue
            $summary.Created | Should -BeLessThan 400
            $written = @($output | ForEach-Object Uid)
            @($written | Select-Object -Unique) | Should -HaveCount $written.Count
            $written.Count | Should -BeLessOrEqual $summary.Created
            # Requests cancelled in flight may still have reached the service; at most ThrottleLimit of them. A graceful
            # stop lets the emulator finish every request it holds, and its data file keeps what they applied.
            Stop-CometChatEmulator -InputObject $emulator
            $emulator = Start-CometChatEmulator -NoConnect -DataPath $data
            $stored = @(Get-EmulatorUids $emulator)
            $stored.Count | Should -BeGreaterOrEqual $summary.Created
            $stored.Count | Should -BeLessOrEqual ($summary.Created + 4)
            $shell.Dispose()
        }
        finally {
            Stop-CometChatEmulator -InputObject $emulator
        }
    }
}

Describe 'Parallel runspaces' {
    It 'keep their own default connections, so two apps never mix' {
        $first = Start-CometChatEmulator -NoConnect
        $second = Start-CometChatEmulator -NoConnect
        try {
            $modulePath = $script:ModulePath
            $targets = @(
                @{ Uri = $first.BaseUri; Key = $first.ApiKey; Prefix = 'first' }
                @{ Uri = $second.BaseUri; Key = $second.ApiKey; Prefix = 'second' }
            )
            $targets | ForEach-Object -ThrottleLimit 2 -Parallel {
                Import-Module $using:modulePath
                Connect-CometChat -BaseUri $_.Uri -ApiKey $_.Key
                $prefix = $_.Prefix
                1..25 | ForEach-Object { [pscustomobject]@{ Uid = "$prefix$_"; Name = $prefix } } | New-CometChatUser | Out-Null
            }
            $firstUids = Get-EmulatorUids $first
            $secondUids = Get-EmulatorUids $second
            $firstUids | Should -HaveCount 25
            $secondUids | Should -HaveCount 25
            $firstUids | Where-Object { $_ -notlike 'first*' } | Should -BeNullOrEmpty
            $secondUids | Where-Object { $_ -notlike 'second*' } | Should -BeNullOrEmpty
        }
        finally {
            Stop-CometChatEmulator -InputObject $first, $second
        }
    }

    It 'start without a default connection' {
        $modulePath = $script:ModulePath
        $emulator = Start-CometChatEmulator
        try {
            $inner = 1 | ForEach-Object -Parallel { Import-Module $using:modulePath; Get-CometChatContext }
            $inner | Should -BeNullOrEmpty
            Get-CometChatContext | Should -Not -BeNullOrEmpty
        }
        finally {
            Stop-CometChatEmulator -InputObject $emulator
        }
    }
}
