<#
.SYNOPSIS
    Bulk-provisioning benchmark: how New-CometChatUser compares with the loops admins write today.
.DESCRIPTION
    Creates the same generated CSV of users (default 2,000) against the local CometChat emulator three ways, side by
    side in one run, with the emulator reset before each approach:
      Serial    Import-Csv | ForEach-Object { Invoke-RestMethod -Method Post ... }          (one at a time, no retries)
      Parallel  Import-Csv | ForEach-Object -Parallel { Invoke-RestMethod ... } -ThrottleLimit 16
      Module    Import-Csv | New-CometChatUser                                              (its defaults)
    in four scenarios:
      1  25 ms latency per request, no rate limits                      users/s, Module/Serial and Module/Parallel
      2  25 ms latency, production core limit 10,000/min                share of the limit, 429s
      3  25 ms latency, no rate limits, 5% injected faults, 2 s timeouts  created / failed / duplicates / lost track
      4  no latency, no rate limits                                     users/s, CPU time per user
    Prints a table per scenario and a goals table, and writes provisioning.json into -OutDirectory.
    See docs/bench.md for the definitions. Exit code 0 when every approach ran (goals missed or not), 1 otherwise.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/bench/Invoke-ProvisioningBench.ps1 -ModulePath output/CometChat.PowerShell/0.1.0/CometChat.PowerShell.psd1 -OutDirectory output/bench
.EXAMPLE
    # Only scenario 2, with one-second rate-limit windows so that a burst meets the limit within 2,000 users.
    ... -Scenario 2 -RateLimitWindowSeconds 1
#>
[CmdletBinding()]
param(
    # The built module's manifest (output/CometChat.PowerShell/<version>/CometChat.PowerShell.psd1).
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # Where provisioning.json goes.
    [Parameter(Mandatory)]
    [string] $OutDirectory,

    # Users in the generated CSV.
    [ValidateRange(1, 100000)]
    [int] $UserCount = 2000,

    # Scenarios to run (1..4). "1,3" works too: pwsh -File passes a list as one string.
    [ValidatePattern('^[1-4](,[1-4])*$')]
    [string[]] $Scenario = @('1', '2', '3', '4'),

    # Approaches to run, in this order: Serial, Parallel, Module ("Parallel,Module" works too).
    [ValidatePattern('^(Serial|Parallel|Module)(,(Serial|Parallel|Module))*$')]
    [string[]] $Approach = @('Serial', 'Parallel', 'Module'),

    # ThrottleLimit of the ForEach-Object -Parallel approach (the module keeps its own default).
    [ValidateRange(1, 64)]
    [int] $ParallelThrottleLimit = 16,

    # Emulator latency per request in scenarios 1-3.
    [ValidateRange(0, 10000)]
    [int] $LatencyMilliseconds = 25,

    # Core limit of scenario 2 (production: 10,000 per minute).
    [ValidateRange(1, 1000000)]
    [int] $CoreRequestsPerMinute = 10000,

    # Rate-limit window of scenario 2. 60 is production's; a shorter window makes bursts meet the limit sooner.
    [ValidateRange(1, 3600)]
    [int] $RateLimitWindowSeconds = 60,

    # Share of requests that fail in scenario 3.
    [ValidateRange(0.0, 1.0)]
    [double] $FailureRate = 0.05,

    # Fault seed of scenario 3, fixed so runs are comparable.
    [int] $Seed = 4117,

    # How long a "delayed" fault holds a request in scenario 3 (longer than -TimeoutSec).
    [ValidateRange(0, 600000)]
    [int] $FaultDelayMilliseconds = 3000,

    # Client timeout per attempt in scenario 3, for Invoke-RestMethod and for the module's connection.
    [ValidateRange(1, 600)]
    [int] $TimeoutSec = 2,

    # Rows each approach creates (and the emulator forgets) before a scenario is timed.
    [ValidateRange(0, 10000)]
    [int] $WarmupCount = 50
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Scenario = [int[]]@($Scenario -split ',' | Sort-Object -Unique)
$Approach = [string[]]@($Approach -split ',' | Select-Object -Unique)
# Progress bars are off for every approach: the bench measures requests, not console rendering.
$ProgressPreference = 'SilentlyContinue'

#region Data

function New-BenchCsv {
    # Writes $Count users (uid, name, avatar, tags "a;b", metadata JSON) to a temporary CSV; deterministic content.
    param([int] $Count, [string] $Prefix)
    $path = Join-Path ([IO.Path]::GetTempPath()) ("cometchat-bench-{0}-{1}.csv" -f $Prefix, [guid]::NewGuid().ToString('N'))
    $departments = 'engineering', 'sales', 'support', 'research', 'finance', 'legal', 'marketing'
    $rows = for ($i = 1; $i -le $Count; $i++) {
        $uid = '{0}-{1:d5}' -f $Prefix, $i
        $metadata = [ordered]@{
            department = $departments[$i % $departments.Count]
            employeeId = 100000 + $i
            '@private' = [ordered]@{ email = "$uid@example.com" }
        }
        [pscustomobject]@{
            Uid      = $uid
            Name     = "Bench User $i"
            Avatar   = "https://example.com/avatars/$uid.png"
            Tags     = 'team-{0};cohort-{1}' -f ($i % 10), ($i % 7)
            Metadata = $metadata | ConvertTo-Json -Compress
        }
    }
    $rows | Export-Csv -LiteralPath $path -NoTypeInformation -Encoding utf8
    $path
}

#endregion

#region Emulator

function Get-ScenarioDefinition {
    # What each scenario asks of the emulator (Start-CometChatEmulator parameters) and of the clients.
    param([int] $Id)
    $noLimits = @{ CoreRequestsPerMinute = 0; StandardRequestsPerMinute = 0 }
    switch ($Id) {
        1 {
            [pscustomobject]@{ Id = 1; Title = "Scenario 1: $LatencyMilliseconds ms latency, rate limits off"
                Emulator = $noLimits + @{ LatencyMilliseconds = $LatencyMilliseconds }; TimeoutSec = 0 }
        }
        2 {
            [pscustomobject]@{ Id = 2; Title = "Scenario 2: $LatencyMilliseconds ms latency, core limit $CoreRequestsPerMinute/min (window $RateLimitWindowSeconds s)"
                Emulator = @{ CoreRequestsPerMinute = $CoreRequestsPerMinute; LatencyMilliseconds = $LatencyMilliseconds; RateLimitWindowSeconds = $RateLimitWindowSeconds }
                TimeoutSec = 0 }
        }
        3 {
            [pscustomobject]@{ Id = 3; Title = "Scenario 3: $LatencyMilliseconds ms latency, rate limits off, $($FailureRate * 100)% faults (seed $Seed, delay $FaultDelayMilliseconds ms), client timeout $TimeoutSec s"
                Emulator = $noLimits + @{ LatencyMilliseconds = $LatencyMilliseconds; FailureRate = $FailureRate; Seed = $Seed; FaultDelayMilliseconds = $FaultDelayMilliseconds }
                TimeoutSec = $TimeoutSec }
        }
        4 {
            [pscustomobject]@{ Id = 4; Title = 'Scenario 4: no added latency, rate limits off'
                Emulator = $noLimits + @{ LatencyMilliseconds = 0 }; TimeoutSec = 0 }
        }
    }
}

function Start-BenchEmulator {
    # Starts an emulator with the scenario's settings. Start-CometChatEmulator connects to it with pacing matched to
    # its limits; with a client timeout, the module connects again with that timeout (and the same limits), as a
    # user would with Connect-CometChat -TimeoutSec.
    param([pscustomobject] $Definition)
    $settings = $Definition.Emulator
    $emulator = Start-CometChatEmulator @settings
    $apiKey = [Net.NetworkCredential]::new('', $emulator.ApiKey).Password
    if ($Definition.TimeoutSec -gt 0) {
        $limits = @{}
        foreach ($name in 'CoreRequestsPerMinute', 'StandardRequestsPerMinute') {
            if ($settings.ContainsKey($name)) { $limits[$name] = $settings[$name] }
        }
        Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -TimeoutSec $Definition.TimeoutSec @limits
    }
    [pscustomobject]@{
        Emulator   = $emulator
        BaseUri    = $emulator.BaseUri.AbsoluteUri.TrimEnd('/')
        Root       = $emulator.BaseUri.AbsoluteUri.TrimEnd('/') -replace '/v3$', ''
        ApiKey     = $apiKey
        TimeoutSec = $Definition.TimeoutSec
    }
}

function Invoke-EmulatorAdmin {
    # Calls the emulator's admin surface (/_emulator/...): never rate limited, delayed or faulted.
    param([pscustomobject] $Target, [string] $Method, [string] $Path)
    (Invoke-RestMethod -Method $Method -Uri "$($Target.Root)/_emulator/$Path" -Headers @{ apikey = $Target.ApiKey } -TimeoutSec 30).data
}

function Reset-Emulator {
    # Wipes users and zeroes counters, rate-limit windows and the fault sequence: each approach starts afresh.
    param([pscustomobject] $Target)
    $null = Invoke-EmulatorAdmin $Target POST reset
}

function Get-EmulatorUid {
    # Every uid in the emulator, read page by page from GET /v3/users. That route has latency and, in scenario 3,
    # faults, so each page is retried until it comes (the verification must not lose users itself).
    param([pscustomobject] $Target)
    $uids = [Collections.Generic.List[string]]::new()
    $page = 1
    do {
        $answer = $null
        for ($attempt = 1; $null -eq $answer; $attempt++) {
            try {
                $answer = Invoke-RestMethod -Uri "$($Target.BaseUri)/users?perPage=1000&page=$page" -Headers @{ apikey = $Target.ApiKey } -TimeoutSec 30
            }
            catch {
                if ($attempt -ge 20) { throw }
                Start-Sleep -Milliseconds 200
            }
        }
        foreach ($user in $answer.data) { $uids.Add($user.uid.ToLowerInvariant()) }
        $pages = [int]$answer.meta.pagination.total_pages
        $page++
    } while ($page -le $pages)
    , $uids
}

function Get-CreateCounters {
    # POST /v3/users answers by status, and the faults injected, from the emulator's counters.
    param([pscustomobject] $Target)
    $counters = Invoke-EmulatorAdmin $Target GET counters
    $byStatus = @{}
    foreach ($row in $counters.requests) {
        if ($row.method -eq 'POST' -and $row.route -eq '/v3/users') { $byStatus[[string]$row.status] = [long]$row.count }
    }
    [pscustomobject]@{ ByStatus = $byStatus; Faults = $counters.faults }
}

#endregion

#region Approaches
# Each approach takes the CSV path and the emulator target, runs one pipeline, and returns what the user was told:
# one outcome per reported result (Uid, Ok, Status; Status 0 = no HTTP answer), plus the module's summary. Only the
# pipeline is timed; turning its output into outcomes happens after the stopwatch stops.

function Invoke-SerialApproach {
    # The loop admins write today: one request at a time, no retries, no 429 handling; a failure is just an error.
    # try/catch only records which row failed (the console would show the error and move on).
    param([string] $CsvPath, [pscustomobject] $Target)
    $uri = "$($Target.BaseUri)/users"
    $headers = @{ apikey = $Target.ApiKey }
    $timeoutSec = $Target.TimeoutSec
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $outcomes = Import-Csv -LiteralPath $CsvPath | ForEach-Object {
        $row = $_
        # [ordered] in the module's property order: the body is byte for byte what New-CometChatUser sends, so the
        # emulator's seeded faults (chosen by a hash of the body) strike the same rows for every approach and run.
        $body = [ordered]@{
            uid      = $row.Uid
            name     = $row.Name
            avatar   = $row.Avatar
            metadata = $row.Metadata | ConvertFrom-Json
            tags     = @($row.Tags -split ';')
        } | ConvertTo-Json -Depth 10 -Compress
        try {
            $created = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $body -TimeoutSec $timeoutSec
            [pscustomobject]@{ Uid = $created.data.uid; Ok = $true; Status = 200 }
        }
        catch {
            $status = if ($_.Exception.PSObject.Properties['Response'] -and $_.Exception.Response) { [int]$_.Exception.Response.StatusCode } else { 0 }
            [pscustomobject]@{ Uid = $row.Uid; Ok = $false; Status = $status }
        }
    }
    $clock.Stop()
    [pscustomobject]@{ Elapsed = $clock.Elapsed; Outcomes = @($outcomes); Summary = $null }
}

function Invoke-ParallelApproach {
    # The same loop body in ForEach-Object -Parallel runspaces (same process): concurrency without pacing or retries.
    param([string] $CsvPath, [pscustomobject] $Target, [int] $ThrottleLimit)
    $uri = "$($Target.BaseUri)/users"
    $headers = @{ apikey = $Target.ApiKey }
    $timeoutSec = $Target.TimeoutSec
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $outcomes = Import-Csv -LiteralPath $CsvPath | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
        $row = $_
        $body = [ordered]@{
            uid      = $row.Uid
            name     = $row.Name
            avatar   = $row.Avatar
            metadata = $row.Metadata | ConvertFrom-Json
            tags     = @($row.Tags -split ';')
        } | ConvertTo-Json -Depth 10 -Compress
        try {
            $created = Invoke-RestMethod -Method Post -Uri $using:uri -Headers $using:headers -ContentType 'application/json' -Body $body -TimeoutSec $using:timeoutSec
            [pscustomobject]@{ Uid = $created.data.uid; Ok = $true; Status = 200 }
        }
        catch {
            $status = if ($_.Exception.PSObject.Properties['Response'] -and $_.Exception.Response) { [int]$_.Exception.Response.StatusCode } else { 0 }
            [pscustomobject]@{ Uid = $row.Uid; Ok = $false; Status = $status }
        }
    }
    $clock.Stop()
    [pscustomobject]@{ Elapsed = $clock.Elapsed; Outcomes = @($outcomes); Summary = $null }
}

function Invoke-ModuleApproach {
    # New-CometChatUser with its defaults, on the runspace's default connection (the emulator's, or the one made
    # with -TimeoutSec). Errors are collected, not shown: each has the CSV row as its target.
    param([string] $CsvPath, [pscustomobject] $Target)
    $failures = $null
    $information = $null
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $users = Import-Csv -LiteralPath $CsvPath | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures -InformationVariable information
    $clock.Stop()

    $outcomes = [Collections.Generic.List[object]]::new()
    foreach ($user in @($users)) { $outcomes.Add([pscustomobject]@{ Uid = $user.Uid; Ok = $true; Status = 200 }) }
    foreach ($failure in @($failures)) {
        $exception = $failure.Exception
        $status = if ($exception.PSObject.Properties['StatusCode']) { [int]$exception.StatusCode } else { 0 }
        $uid = if ($failure.TargetObject -and $failure.TargetObject.PSObject.Properties['Uid']) { $failure.TargetObject.Uid } else { [string]$failure.TargetObject }
        $outcomes.Add([pscustomobject]@{ Uid = $uid; Ok = $false; Status = $status })
    }
    $summary = @($information | Where-Object { $_.Tags -contains 'Summary' } | ForEach-Object MessageData) | Select-Object -Last 1
    [pscustomobject]@{ Elapsed = $clock.Elapsed; Outcomes = $outcomes.ToArray(); Summary = $summary }
}

function Invoke-Approach {
    # Dispatches by name, so warm-up and timed runs go through the same code.
    param([string] $Name, [string] $CsvPath, [pscustomobject] $Target)
    switch ($Name) {
        'Serial' { Invoke-SerialApproach -CsvPath $CsvPath -Target $Target }
        'Parallel' { Invoke-ParallelApproach -CsvPath $CsvPath -Target $Target -ThrottleLimit $ParallelThrottleLimit }
        'Module' { Invoke-ModuleApproach -CsvPath $CsvPath -Target $Target }
    }
}

#endregion

#region Measurement

function Measure-Approach {
    # One timed run of one approach on a freshly reset emulator, then what the emulator holds and counted.
    param([pscustomobject] $Definition, [string] $Name, [string] $CsvPath, [string[]] $ExpectedUids, [pscustomobject] $Target)
    Reset-Emulator $Target
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()

    $self = [Diagnostics.Process]::GetCurrentProcess()
    $emulatorProcess = Get-Process -Id $Target.Emulator.ProcessId
    $cpuBefore = $self.TotalProcessorTime
    $emulatorCpuBefore = $emulatorProcess.TotalProcessorTime

    $run = Invoke-Approach -Name $Name -CsvPath $CsvPath -Target $Target

    $self.Refresh(); $emulatorProcess.Refresh()
    $cpu = $self.TotalProcessorTime - $cpuBefore
    $emulatorCpu = $emulatorProcess.TotalProcessorTime - $emulatorCpuBefore

    if ($Definition.Id -eq 3) {
        # A "delayed" fault holds its request for the fault delay. The emulator drops it when the client leaves, but
        # wait it out anyway so that no late write can land after the count (or in the next approach's data).
        Start-Sleep -Milliseconds ($FaultDelayMilliseconds + 1000)
    }
    $counters = Get-CreateCounters $Target
    $stored = Get-EmulatorUid $Target
    Get-RunMetrics -Definition $Definition -Name $Name -Run $run -ExpectedUids $ExpectedUids -StoredUids $stored `
        -Counters $counters -Cpu $cpu -EmulatorCpu $emulatorCpu
}

function Get-RunMetrics {
    # Turns one run's outcomes and the emulator's state into the numbers of the tables (definitions in docs/bench.md).
    param([pscustomobject] $Definition, [string] $Name, [pscustomobject] $Run, [string[]] $ExpectedUids,
        [Collections.Generic.List[string]] $StoredUids, [pscustomobject] $Counters, [timespan] $Cpu, [timespan] $EmulatorCpu)

    $n = $ExpectedUids.Count
    $stored = [Collections.Generic.HashSet[string]]::new([string[]]$StoredUids, [StringComparer]::OrdinalIgnoreCase)
    $reports = @{}   # uid -> list of outcomes the user was told
    foreach ($outcome in $Run.Outcomes) {
        $key = ([string]$outcome.Uid).ToLowerInvariant()
        if (-not $reports.ContainsKey($key)) { $reports[$key] = [Collections.Generic.List[object]]::new() }
        $reports[$key].Add($outcome)
    }

    $reportedCreated = @($Run.Outcomes | Where-Object Ok).Count
    $reportedFailed = @($Run.Outcomes | Where-Object { -not $_.Ok }).Count
    $userSaw429 = @($Run.Outcomes | Where-Object { -not $_.Ok -and $_.Status -eq 429 }).Count
    $duplicateRows = 0; $lostTrack = 0; $phantom = 0; $unaccounted = 0; $created = 0
    foreach ($uid in $ExpectedUids) {
        $key = $uid.ToLowerInvariant()
        $exists = $stored.Contains($key)
        if ($exists) { $created++ }
        if (-not $reports.ContainsKey($key)) { $unaccounted++; continue }
        $told = $reports[$key]
        if ($told.Count -gt 1) { $duplicateRows++ }
        $toldCreated = @($told | Where-Object Ok).Count -gt 0
        if ($exists -and -not $toldCreated) { $lostTrack++ }
        if (-not $exists -and $toldCreated) { $phantom++ }
    }
    # Extra copies of a uid in the emulator (uids are unique there, so this should stay 0).
    $storedCopies = $StoredUids.Count - $stored.Count
    $seconds = $Run.Elapsed.TotalSeconds
    $perSecond = if ($seconds -gt 0) { $reportedCreated / $seconds } else { 0 }

    $summary = $Run.Summary
    [pscustomobject]@{
        Scenario             = $Definition.Id
        Approach             = $Name
        Users                = $n
        ElapsedSeconds       = [math]::Round($seconds, 3)
        UsersPerSecond       = [math]::Round($perSecond, 1)
        ShareOfCoreLimit     = if ($Definition.Id -eq 2) { [math]::Round($perSecond / ($CoreRequestsPerMinute / 60.0), 4) } else { $null }
        ReportedCreated      = $reportedCreated
        ReportedFailed       = $reportedFailed
        Created              = $created
        StoredUsers          = $StoredUids.Count
        CreatedPlusFailed    = $created + $reportedFailed
        Duplicates           = $duplicateRows + $storedCopies
        LostTrack            = $lostTrack
        Phantom              = $phantom
        Unaccounted          = $unaccounted
        UserSaw429           = $userSaw429
        EmulatorAnswered429  = [long]($Counters.ByStatus['429'] ?? 0)
        EmulatorCreates      = $Counters.ByStatus
        Faults               = $Counters.Faults
        Retried              = if ($summary) { [long]$summary.Retried } else { $null }
        ThrottledSeconds     = if ($summary) { [math]::Round($summary.Throttled.TotalSeconds, 1) } else { $null }
        CpuSeconds           = [math]::Round($Cpu.TotalSeconds, 3)
        CpuMsPerUser         = [math]::Round($Cpu.TotalMilliseconds / $n, 3)
        EmulatorCpuMsPerUser = [math]::Round($EmulatorCpu.TotalMilliseconds / $n, 3)
    }
}

function Invoke-Warmup {
    # JIT, connection pools and the emulator's first requests, per approach, before anything is timed.
    param([string] $CsvPath, [pscustomobject] $Target)
    foreach ($name in $Approach) {
        $null = Invoke-Approach -Name $name -CsvPath $CsvPath -Target $Target
    }
    Reset-Emulator $Target
}

function Invoke-Scenario {
    # One emulator per scenario; every approach in turn on the same emulator, reset in between.
    param([int] $Id, [string] $CsvPath, [string] $WarmupCsvPath, [string[]] $ExpectedUids)
    $definition = Get-ScenarioDefinition $Id
    Write-Host $definition.Title -ForegroundColor Cyan
    $target = Start-BenchEmulator $definition
    $rows = [Collections.Generic.List[object]]::new()
    try {
        if ($WarmupCount -gt 0) { Invoke-Warmup -CsvPath $WarmupCsvPath -Target $target }
        if ($Id -eq 4 -and $WarmupCount -gt 0) {
            # Scenario 4 measures CPU time. Until .NET's tiered JIT has recompiled the hot paths (a few thousand
            # requests), a run costs several times its steady CPU; without latency a longer warm-up is cheap.
            Invoke-Warmup -CsvPath $CsvPath -Target $target
        }
        foreach ($name in $Approach) {
            Write-Host "  $name ..." -NoNewline
            try {
                $row = Measure-Approach -Definition $definition -Name $name -CsvPath $CsvPath -ExpectedUids $ExpectedUids -Target $target
                Write-Host (' {0:0.0} s, {1:0.0} users/s' -f $row.ElapsedSeconds, $row.UsersPerSecond)
            }
            catch {
                # An approach that could not run is reported (and makes the exit code non-zero); the others go on.
                Write-Host " could not run: $($_.Exception.Message)" -ForegroundColor Red
                $row = [pscustomobject]@{ Scenario = $Id; Approach = $name; Error = $_.Exception.Message }
            }
            $rows.Add($row)
        }
    }
    finally {
        Stop-CometChatEmulator -InputObject $target.Emulator
    }
    [pscustomobject]@{ Id = $Id; Title = $definition.Title; Settings = $definition.Emulator; ClientTimeoutSec = $definition.TimeoutSec; Results = $rows.ToArray() }
}

#endregion

#region Report

function Find-Result {
    param([object[]] $Scenarios, [int] $Id, [string] $Name)
    $scenario = $Scenarios | Where-Object Id -EQ $Id
    if (-not $scenario) { return $null }
    $scenario.Results | Where-Object { $_.Approach -eq $Name -and -not $_.PSObject.Properties['Error'] } | Select-Object -First 1
}

function Get-GoalResult {
    # The issue's goals, each with what was measured and whether it was met ("n/a" when its inputs did not run).
    param([object[]] $Scenarios)
    $goals = [Collections.Generic.List[object]]::new()
    function Add-Goal([int] $Id, [string] $Goal, $Measured, [string] $Text, $Met) {
        $status = if ($null -eq $Met) { 'n/a' } elseif ($Met) { 'met' } else { 'MISSED' }
        $goals.Add([pscustomobject]@{ Scenario = $Id; Goal = $Goal; Measured = $Text; Value = $Measured; Result = $status })
    }

    $serial = Find-Result $Scenarios 1 Serial; $parallel = Find-Result $Scenarios 1 Parallel; $module = Find-Result $Scenarios 1 Module
    if ($Scenarios.Id -contains 1) {
        $ratio = if ($module -and $serial -and $serial.UsersPerSecond -gt 0) { $module.UsersPerSecond / $serial.UsersPerSecond }
        Add-Goal 1 'Module >= 10x Serial (users/s)' $ratio ($(if ($null -ne $ratio) { '{0:0.0}x' -f $ratio } else { '-' })) ($(if ($null -ne $ratio) { $ratio -ge 10 }))
        $ratio = if ($module -and $parallel -and $parallel.UsersPerSecond -gt 0) { $module.UsersPerSecond / $parallel.UsersPerSecond }
        Add-Goal 1 'Module >= 1.5x ForEach-Object -Parallel' $ratio ($(if ($null -ne $ratio) { '{0:0.00}x' -f $ratio } else { '-' })) ($(if ($null -ne $ratio) { $ratio -ge 1.5 }))
    }
    if ($Scenarios.Id -contains 2) {
        $module = Find-Result $Scenarios 2 Module
        $share = if ($module) { $module.ShareOfCoreLimit }
        Add-Goal 2 'Module >= 95% of the core limit' $share ($(if ($null -ne $share) { '{0:0.0}%' -f ($share * 100) } else { '-' })) ($(if ($null -ne $share) { $share -ge 0.95 }))
        $seen = if ($module) { $module.UserSaw429 }
        Add-Goal 2 'Module: 0 429s reaching the user' $seen ($(if ($null -ne $seen) { "$seen (emulator answered $($module.EmulatorAnswered429))" } else { '-' })) ($(if ($null -ne $seen) { $seen -eq 0 }))
    }
    if ($Scenarios.Id -contains 3) {
        $module = Find-Result $Scenarios 3 Module
        if ($module) {
            $text = 'created {0} + failed {1} = {2}; lost track {3}, phantom {4}, unaccounted {5}' -f $module.Created, $module.ReportedFailed, $module.CreatedPlusFailed, $module.LostTrack, $module.Phantom, $module.Unaccounted
            $ok = $module.CreatedPlusFailed -eq $module.Users -and $module.LostTrack -eq 0 -and $module.Phantom -eq 0 -and $module.Unaccounted -eq 0
            Add-Goal 3 "Module: nothing lost (created + failed = $($module.Users))" $module.CreatedPlusFailed $text $ok
            Add-Goal 3 'Module: nothing doubled (0 duplicates)' $module.Duplicates "$($module.Duplicates)" ($module.Duplicates -eq 0)
        }
        else {
            Add-Goal 3 'Module: nothing lost, nothing doubled' $null '-' $null
        }
    }
    $goals.ToArray()
}

function Write-Table {
    # Format-Table to the host, wide enough not to wrap.
    param([object[]] $Rows)
    # -Property *: without it Format-Table shows only the first 10 properties.
    Write-Host (($Rows | Format-Table -Property * -AutoSize | Out-String -Width 250).TrimEnd())
}

function Write-ScenarioTable {
    # The columns that matter for each scenario (everything is in provisioning.json).
    param([pscustomobject] $Scenario)
    Write-Host ''
    Write-Host $Scenario.Title -ForegroundColor Cyan
    $rows = foreach ($r in $Scenario.Results) {
        if ($r.PSObject.Properties['Error']) { [pscustomobject]@{ Approach = $r.Approach; Error = $r.Error }; continue }
        $serial = $Scenario.Results | Where-Object { $_.Approach -eq 'Serial' -and -not $_.PSObject.Properties['Error'] }
        $parallel = $Scenario.Results | Where-Object { $_.Approach -eq 'Parallel' -and -not $_.PSObject.Properties['Error'] }
        $ratio = { param($base) if ($base -and $base.UsersPerSecond -gt 0) { '{0:0.00}x' -f ($r.UsersPerSecond / $base.UsersPerSecond) } else { '-' } }
        switch ($Scenario.Id) {
            1 { [pscustomobject][ordered]@{ Approach = $r.Approach; 'Seconds' = $r.ElapsedSeconds; 'Users/s' = $r.UsersPerSecond; 'vs Serial' = & $ratio $serial; 'vs Parallel' = & $ratio $parallel; Created = $r.Created; Failed = $r.ReportedFailed } }
            2 { [pscustomobject][ordered]@{ Approach = $r.Approach; 'Seconds' = $r.ElapsedSeconds; 'Users/s' = $r.UsersPerSecond; '% of limit' = '{0:0.0}%' -f ($r.ShareOfCoreLimit * 100); '429 to user' = $r.UserSaw429; '429 answered' = $r.EmulatorAnswered429; Created = $r.Created; Failed = $r.ReportedFailed } }
            3 { [pscustomobject][ordered]@{ Approach = $r.Approach; 'Seconds' = $r.ElapsedSeconds; 'Told created' = $r.ReportedCreated; Created = $r.Created; Failed = $r.ReportedFailed; 'Created+Failed' = $r.CreatedPlusFailed; Duplicates = $r.Duplicates; 'Lost track' = $r.LostTrack; Phantom = $r.Phantom; Unaccounted = $r.Unaccounted; Retried = $r.Retried } }
            4 { [pscustomobject][ordered]@{ Approach = $r.Approach; 'Seconds' = $r.ElapsedSeconds; 'Users/s' = $r.UsersPerSecond; 'vs Serial' = & $ratio $serial; 'CPU ms/user (pwsh)' = $r.CpuMsPerUser; 'CPU ms/user (emulator)' = $r.EmulatorCpuMsPerUser } }
        }
    }
    Write-Table $rows
}

function Get-MachineDescription {
    [pscustomobject]@{
        Cores      = [Environment]::ProcessorCount
        Os         = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        Cpu        = if (Test-Path /proc/cpuinfo) { (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value } else { $env:PROCESSOR_IDENTIFIER }
        PowerShell = $PSVersionTable.PSVersion.ToString()
        Dotnet     = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    }
}

#endregion

#region Main

$csvPath = $null; $warmupCsvPath = $null
try {
    # A relative path would be taken for a module name.
    Import-Module (Resolve-Path -LiteralPath $ModulePath).Path -Force
    $module = Get-Module CometChat.PowerShell
    $null = New-Item -ItemType Directory -Force -Path $OutDirectory
    $csvPath = New-BenchCsv -Count $UserCount -Prefix bench
    $warmupCsvPath = New-BenchCsv -Count ([math]::Max(1, $WarmupCount)) -Prefix warmup
    $expectedUids = [string[]]@(Import-Csv -LiteralPath $csvPath | ForEach-Object Uid)
}
catch {
    Write-Host "The provisioning bench could not start: $($_.Exception.Message)" -ForegroundColor Red
    exit 2
}

$started = Get-Date
$machine = Get-MachineDescription
Write-Host ("CometChat.PowerShell {0} provisioning bench: {1} users, scenarios {2}, approaches {3}; {4} cores, {5}" -f
    $module.Version, $UserCount, ($Scenario -join ','), ($Approach -join ','), $machine.Cores, $machine.Os) -ForegroundColor Green

$scenarios = [Collections.Generic.List[object]]::new()
$couldNotRun = $false
try {
    foreach ($id in $Scenario) {
        try {
            $scenarios.Add((Invoke-Scenario -Id $id -CsvPath $csvPath -WarmupCsvPath $warmupCsvPath -ExpectedUids $expectedUids))
        }
        catch {
            Write-Host "Scenario $id could not run: $($_.Exception.Message)" -ForegroundColor Red
            $scenarios.Add([pscustomobject]@{ Id = $id; Title = "Scenario $id"; Error = $_.Exception.Message; Results = @() })
            $couldNotRun = $true
        }
    }
}
finally {
    Remove-Item -LiteralPath $csvPath, $warmupCsvPath -ErrorAction SilentlyContinue
}
if (@($scenarios.Results | Where-Object { $_.PSObject.Properties['Error'] }).Count -gt 0) { $couldNotRun = $true }

foreach ($s in $scenarios) {
    if ($s.PSObject.Properties['Error']) { continue }
    Write-ScenarioTable $s
}
$goals = Get-GoalResult -Scenarios @($scenarios | Where-Object { -not $_.PSObject.Properties['Error'] })
Write-Host ''
Write-Host 'Goals' -ForegroundColor Cyan
if ($goals) { Write-Table ($goals | Select-Object Scenario, Goal, Measured, Result) } else { Write-Host '(the issue sets no goal for the scenarios run)' }

$report = [pscustomobject]@{
    Benchmark      = 'provisioning'
    Date           = $started.ToString('o')
    DurationSeconds = [math]::Round(((Get-Date) - $started).TotalSeconds, 1)
    ModuleVersion  = $module.Version.ToString()
    Machine        = $machine
    Parameters     = [pscustomobject]@{
        UserCount = $UserCount; Scenario = $Scenario; Approach = $Approach; ParallelThrottleLimit = $ParallelThrottleLimit
        LatencyMilliseconds = $LatencyMilliseconds; CoreRequestsPerMinute = $CoreRequestsPerMinute; RateLimitWindowSeconds = $RateLimitWindowSeconds
        FailureRate = $FailureRate; Seed = $Seed; FaultDelayMilliseconds = $FaultDelayMilliseconds; TimeoutSec = $TimeoutSec; WarmupCount = $WarmupCount
    }
    Scenarios      = $scenarios.ToArray()
    Goals          = $goals
}
$jsonPath = Join-Path $OutDirectory 'provisioning.json'
$report | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $jsonPath -Encoding utf8
Write-Host ''
Write-Host "Wrote $jsonPath ($([math]::Round($report.DurationSeconds)) s)" -ForegroundColor Green
exit ($couldNotRun ? 1 : 0)

#endregion
