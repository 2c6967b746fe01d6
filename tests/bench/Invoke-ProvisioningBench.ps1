<#
.SYNOPSIS
    Bulk-provisioning benchmark: New-CometChatUser against the loops a competent admin writes with Invoke-RestMethod.
.DESCRIPTION
    Creates the same generated CSV of users against the local CometChat emulator several ways, with the emulator reset
    before each run, each scenario -Repeat times with the approaches in a random order every time:
      Serial         Import-Csv | ForEach-Object { Invoke-RestMethod -WebSession $s -MaximumRetryCount 3 -RetryIntervalSec 1 ... }
      Parallel       the same in ForEach-Object -Parallel -ThrottleLimit 32 (the module's initial size), with retries
      SerialNaive    the serial loop without session or retries
      ParallelNaive  ForEach-Object -Parallel -ThrottleLimit 16 without session or retries
      Module         Import-Csv | New-CometChatUser (its defaults)
      ModuleFixed32  New-CometChatUser -ThrottleLimit 32, the fixed default of earlier versions (not run by default)
    in four scenarios:
      1  25 ms latency per request, no rate limits                   users/s, Module/Serial and Module/Parallel
      2  latency sweep (0, 25, 150, 400, 1,000 ms) at the core limit of 10,000/min in 10 s windows, enough rows per point
         to span several windows                                     share of the limit, 429s (Module only by default)
      3  25 ms latency, no rate limits, 5% injected faults, 2 s timeouts  created / failed / duplicates / lost track
      4  no latency, no rate limits                                  users/s, CPU time per user
    Prints, per scenario, the median and range over the runs, a goals table, and writes provisioning.json (every run)
    into -OutDirectory. See docs/bench.md. Exit code 0 when every run ran (goals missed or not), 1 otherwise.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/bench/Invoke-ProvisioningBench.ps1 -ModulePath output/CometChat.PowerShell/0.1.0/CometChat.PowerShell.psd1 -OutDirectory output/bench
.EXAMPLE
    # Only the sweep's 400 ms point, once.
    ... -Scenario 2 -SweepLatency 400 -Repeat 1
#>
[CmdletBinding()]
param(
    # The built module's manifest (output/CometChat.PowerShell/<version>/CometChat.PowerShell.psd1).
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # Where provisioning.json goes.
    [Parameter(Mandatory)]
    [string] $OutDirectory,

    # Users in the generated CSV of scenarios 1, 3 and 4.
    [ValidateRange(1, 100000)]
    [int] $UserCount = 1000,

    # Scenarios to run (1..4). "1,3" works too: pwsh -File passes a list as one string.
    [ValidatePattern('^[1-4](,[1-4])*$')]
    [string[]] $Scenario = @('1', '2', '3', '4'),

    # Approaches of scenarios 1, 3 and 4.
    [ValidatePattern('^(Serial|Parallel|SerialNaive|ParallelNaive|Module|ModuleFixed32)(,(Serial|Parallel|SerialNaive|ParallelNaive|Module|ModuleFixed32))*$')]
    [string[]] $Approach = @('Serial', 'Parallel', 'SerialNaive', 'ParallelNaive', 'Module'),

    # Approaches of the sweep (scenario 2). The loops have no pacing, and at 1,000 ms the fair parallel loop (like
    # ModuleFixed32, New-CometChatUser -ThrottleLimit 32) makes 32 a second: 10,000 rows take five minutes.
    [ValidatePattern('^(Serial|Parallel|SerialNaive|ParallelNaive|Module|ModuleFixed32)(,(Serial|Parallel|SerialNaive|ParallelNaive|Module|ModuleFixed32))*$')]
    [string[]] $SweepApproach = @('Module'),

    # Runs of every scenario (and sweep point); the report gives the median and the range.
    [ValidateRange(1, 100)]
    [int] $Repeat = 3,

    # Seed of the random order of approaches (and sweep points) in each run; by default a random one, recorded.
    [int] $OrderSeed = (Get-Random -Maximum 1000000),

    # ThrottleLimit of the fair ForEach-Object -Parallel loop, and of the naive one.
    [ValidateRange(1, 512)]
    [int] $ParallelThrottleLimit = 32,
    [ValidateRange(1, 512)]
    [int] $NaiveParallelThrottleLimit = 16,

    # Invoke-RestMethod -MaximumRetryCount and -RetryIntervalSec of the fair loops.
    [ValidateRange(1, 100)]
    [int] $RetryCount = 3,
    [ValidateRange(1, 600)]
    [int] $RetryIntervalSec = 1,

    # Emulator latency per request in scenarios 1 and 3.
    [ValidateRange(0, 10000)]
    [int] $LatencyMilliseconds = 25,

    # The sweep: latencies, the core limit, the window, and the least rows per point. Each point also runs at least
    # 60 round trips' worth of the limit (CoreRequestsPerMinute × latency in s), so that the last round trip, which no
    # client can avoid, costs less than 2% of the run (10,000 rows at 1,000 ms).
    [ValidatePattern('^\d{1,5}(,\d{1,5})*$')]
    [string[]] $SweepLatency = @('0', '25', '150', '400', '1000'),
    [ValidateRange(1, 1000000)]
    [int] $CoreRequestsPerMinute = 10000,
    [ValidateRange(1, 3600)]
    [int] $SweepWindowSeconds = 10,
    [ValidateRange(1, 100000)]
    [int] $SweepUserCount = 5000,

    # Faults of scenario 3: share, seed (fixed so runs are comparable), how long a "delayed" fault holds a request.
    [ValidateRange(0.0, 1.0)]
    [double] $FailureRate = 0.05,
    [int] $Seed = 4117,
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
$SweepApproach = [string[]]@($SweepApproach -split ',' | Select-Object -Unique)
$SweepLatency = [int[]]@($SweepLatency -split ',' | ForEach-Object { [int]$_ } | Sort-Object -Unique)
# Progress bars are off for every approach: the bench measures requests, not console rendering.
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'ProvisioningApproaches.ps1')
. (Join-Path $PSScriptRoot 'ProvisioningReport.ps1')
$definitions = Get-ApproachDefinition -RetryCount $RetryCount -RetryIntervalSec $RetryIntervalSec `
    -ParallelThrottleLimit $ParallelThrottleLimit -NaiveParallelThrottleLimit $NaiveParallelThrottleLimit

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

$script:Csv = @{}
function Get-BenchCsv {
    # The CSV of $Count users (made once per size), with its uids.
    param([int] $Count)
    if (-not $script:Csv.ContainsKey($Count)) {
        $path = New-BenchCsv -Count $Count -Prefix bench
        $script:Csv[$Count] = [pscustomobject]@{ Path = $path; Uids = [string[]]@(Import-Csv -LiteralPath $path | ForEach-Object Uid) }
    }
    $script:Csv[$Count]
}

#endregion

#region Emulator

function Get-ScenarioDefinition {
    # What each scenario asks of the emulator (Start-CometChatEmulator parameters), of the clients, and its points
    # (the latencies it runs at, each with its row count).
    param([int] $Id)
    $noLimits = @{ CoreRequestsPerMinute = 0; StandardRequestsPerMinute = 0 }
    $point = { param($latency, $rows) [pscustomobject]@{ LatencyMilliseconds = $latency; Rows = $rows } }
    switch ($Id) {
        1 {
            [pscustomobject]@{ Id = 1; Title = "Scenario 1: $LatencyMilliseconds ms latency, rate limits off"; Approaches = $Approach
                Emulator = $noLimits; TimeoutSec = 0; Points = @(& $point $LatencyMilliseconds $UserCount) }
        }
        2 {
            # $SweepLatency keeps its [string[]] type from the parameter: sort as numbers, not as text (1000 before 150).
            $points = foreach ($latency in ($SweepLatency | ForEach-Object { [int]$_ } | Sort-Object -Unique)) {
                & $point $latency ([math]::Max($SweepUserCount, [math]::Ceiling($CoreRequestsPerMinute * $latency / 1000.0)))
            }
            # The connection Start-CometChatEmulator makes is paced to these limits, given explicitly: with windows
            # shorter than a minute, X-Rate-Limit holds a window's budget, which a connection left to follow the service
            # would take for a per-minute limit.
            [pscustomobject]@{ Id = 2; Title = "Scenario 2: latency sweep at a core limit of $CoreRequestsPerMinute/min (windows of $SweepWindowSeconds s)"
                Approaches = $SweepApproach; TimeoutSec = 0; Points = @($points)
                Emulator = @{ CoreRequestsPerMinute = $CoreRequestsPerMinute; StandardRequestsPerMinute = 20000; RateLimitWindowSeconds = $SweepWindowSeconds } }
        }
        3 {
            [pscustomobject]@{ Id = 3; Title = "Scenario 3: $LatencyMilliseconds ms latency, rate limits off, $($FailureRate * 100)% faults (seed $Seed, delay $FaultDelayMilliseconds ms), client timeout $TimeoutSec s"
                Approaches = $Approach; TimeoutSec = $TimeoutSec; Points = @(& $point $LatencyMilliseconds $UserCount)
                Emulator = $noLimits + @{ FailureRate = $FailureRate; Seed = $Seed; FaultDelayMilliseconds = $FaultDelayMilliseconds } }
        }
        4 {
            [pscustomobject]@{ Id = 4; Title = 'Scenario 4: no added latency, rate limits off'; Approaches = $Approach
                Emulator = $noLimits; TimeoutSec = 0; Points = @(& $point 0 $UserCount) }
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
        ApiKey     = [Net.NetworkCredential]::new('', $emulator.ApiKey).Password
        TimeoutSec = $Definition.TimeoutSec
    }
}

function Invoke-EmulatorAdmin {
    # Calls the emulator's admin surface (/_emulator/...): never rate limited, delayed or faulted.
    param([pscustomobject] $Target, [string] $Method, [string] $Path, [hashtable] $Body)
    $parameters = @{ Method = $Method; Uri = "$($Target.Root)/_emulator/$Path"; Headers = @{ apikey = $Target.ApiKey }; TimeoutSec = 30 }
    if ($Body) { $parameters.Body = $Body | ConvertTo-Json -Compress; $parameters.ContentType = 'application/json' }
    (Invoke-RestMethod @parameters).data
}

function Set-EmulatorLatency {
    param([pscustomobject] $Target, [int] $Milliseconds)
    $null = Invoke-EmulatorAdmin $Target PUT settings @{ latencyMilliseconds = $Milliseconds }
}

function Get-EmulatorUid {
    # Every uid in the emulator, read page by page from GET /v3/users. That route has, in scenario 3, faults, so each
    # page is retried until it comes (the verification must not lose users itself).
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

#region Measurement

function Measure-Approach {
    # One timed run of one approach at one point on a freshly reset emulator, then what the emulator holds and counted.
    param([pscustomobject] $Definition, [pscustomobject] $Point, [string] $Name, [pscustomobject] $Target, [int] $Run)
    $csv = Get-BenchCsv $Point.Rows
    Set-EmulatorLatency $Target $Point.LatencyMilliseconds
    $null = Invoke-EmulatorAdmin $Target POST reset
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()

    $self = [Diagnostics.Process]::GetCurrentProcess()
    $emulatorProcess = Get-Process -Id $Target.Emulator.ProcessId
    $cpuBefore = $self.TotalProcessorTime
    $emulatorCpuBefore = $emulatorProcess.TotalProcessorTime

    $result = Invoke-Approach -Name $Name -Definition $definitions[$Name] -CsvPath $csv.Path -Target $Target

    $self.Refresh(); $emulatorProcess.Refresh()
    $cpu = $self.TotalProcessorTime - $cpuBefore
    $emulatorCpu = $emulatorProcess.TotalProcessorTime - $emulatorCpuBefore

    if ($Definition.Id -eq 3) {
        # A "delayed" fault holds its request for the fault delay. The emulator drops it when the client leaves, but
        # wait it out anyway so that no late write can land after the count (or in the next run's data).
        Start-Sleep -Milliseconds ($FaultDelayMilliseconds + 1000)
    }
    # Counted without latency: the listing is the bench's, not the approach's.
    Set-EmulatorLatency $Target 0
    $counters = Get-CreateCounters $Target
    $stored = Get-EmulatorUid $Target
    Get-RunMetrics -Definition $Definition -Point $Point -Name $Name -Run $Run -Result $result -ExpectedUids $csv.Uids `
        -StoredUids $stored -Counters $counters -Cpu $cpu -EmulatorCpu $emulatorCpu
}

function Invoke-Warmup {
    # JIT, connection pools and the emulator's first requests, per approach, before anything is timed.
    param([pscustomobject] $Definition, [int] $Rows, [pscustomobject] $Target)
    Set-EmulatorLatency $Target 0
    foreach ($name in $Definition.Approaches) {
        $null = Invoke-Approach -Name $name -Definition $definitions[$name] -CsvPath (Get-BenchCsv $Rows).Path -Target $Target
        $null = Invoke-EmulatorAdmin $Target POST reset
    }
}

function Invoke-Scenario {
    # One emulator per scenario; -Repeat runs, each over every point and approach in a random order, reset in between.
    param([int] $Id)
    $definition = Get-ScenarioDefinition $Id
    Write-Host $definition.Title -ForegroundColor Cyan
    $target = Start-BenchEmulator $definition
    $runs = [Collections.Generic.List[object]]::new()
    $orders = [Collections.Generic.List[object]]::new()
    try {
        if ($WarmupCount -gt 0) {
            Invoke-Warmup -Definition $definition -Rows $WarmupCount -Target $target
            if ($Id -eq 4) {
                # Scenario 4 measures CPU time. Until .NET's tiered JIT has recompiled the hot paths (a few thousand
                # requests), a run costs several times its steady CPU; without latency a longer warm-up is cheap.
                Invoke-Warmup -Definition $definition -Rows $UserCount -Target $target
            }
        }
        for ($run = 1; $run -le $Repeat; $run++) {
            $order = foreach ($point in (Get-Random -InputObject $definition.Points -Count $definition.Points.Count)) {
                foreach ($name in (Get-Random -InputObject $definition.Approaches -Count $definition.Approaches.Count)) {
                    [pscustomobject]@{ Point = $point; Name = $name }
                }
            }
            $orders.Add(@($order | ForEach-Object { '{0}@{1}ms' -f $_.Name, $_.Point.LatencyMilliseconds }))
            foreach ($step in $order) {
                Write-Host ('  run {0}/{1}: {2} at {3} ms, {4} rows ...' -f $run, $Repeat, $step.Name, $step.Point.LatencyMilliseconds, $step.Point.Rows) -NoNewline
                try {
                    $row = Measure-Approach -Definition $definition -Point $step.Point -Name $step.Name -Target $target -Run $run
                    Write-Host (' {0:0.0} s, {1:0.0} users/s' -f $row.ElapsedSeconds, $row.UsersPerSecond)
                }
                catch {
                    # A run that could not be made is reported (and makes the exit code non-zero); the others go on.
                    Write-Host " could not run: $($_.Exception.Message)" -ForegroundColor Red
                    $row = [pscustomobject]@{ Scenario = $Id; LatencyMilliseconds = $step.Point.LatencyMilliseconds; Approach = $step.Name; Run = $run; Error = $_.Exception.Message }
                }
                $runs.Add($row)
            }
        }
    }
    finally {
        Stop-CometChatEmulator -InputObject $target.Emulator
    }
    [pscustomobject]@{ Id = $Id; Title = $definition.Title; Settings = $definition.Emulator; ClientTimeoutSec = $definition.TimeoutSec
        Points = $definition.Points; Approaches = $definition.Approaches; Orders = $orders.ToArray(); Runs = $runs.ToArray() }
}

#endregion

#region Main

try {
    # A relative path would be taken for a module name.
    Import-Module (Resolve-Path -LiteralPath $ModulePath).Path -Force
    $module = Get-Module CometChat.PowerShell
    $null = New-Item -ItemType Directory -Force -Path $OutDirectory
    $null = Get-Random -SetSeed $OrderSeed
}
catch {
    Write-Host "The provisioning bench could not start: $($_.Exception.Message)" -ForegroundColor Red
    exit 2
}

$started = Get-Date
$machine = Get-MachineDescription
Write-Host ("CometChat.PowerShell {0} provisioning bench: scenarios {1}, {2} run(s) each, order seed {3}; {4} cores, {5}" -f
    $module.Version, ($Scenario -join ','), $Repeat, $OrderSeed, $machine.Cores, $machine.Os) -ForegroundColor Green

$scenarios = [Collections.Generic.List[object]]::new()
$couldNotRun = $false
try {
    foreach ($id in $Scenario) {
        try {
            $scenarios.Add((Invoke-Scenario -Id $id))
        }
        catch {
            Write-Host "Scenario $id could not run: $($_.Exception.Message)" -ForegroundColor Red
            $scenarios.Add([pscustomobject]@{ Id = $id; Title = "Scenario $id"; Error = $_.Exception.Message; Runs = @() })
            $couldNotRun = $true
        }
    }
}
finally {
    foreach ($csv in $script:Csv.Values) { Remove-Item -LiteralPath $csv.Path -ErrorAction SilentlyContinue }
}
if (@($scenarios.Runs | Where-Object { $_.PSObject.Properties['Error'] }).Count -gt 0) { $couldNotRun = $true }

$ran = @($scenarios | Where-Object { -not $_.PSObject.Properties['Error'] })
foreach ($s in $ran) {
    $s | Add-Member -NotePropertyName Aggregates -NotePropertyValue @(Get-ScenarioAggregate $s)
    Write-ScenarioTable $s
}
$goals = Get-GoalResult -Scenarios $ran
Write-Host ''
Write-Host 'Goals (medians over the runs; ranges in brackets)' -ForegroundColor Cyan
if ($goals) { Write-Table ($goals | Select-Object Scenario, Goal, Measured, Result) } else { Write-Host '(the issue sets no goal for the scenarios run)' }

$report = [pscustomobject]@{
    Benchmark       = 'provisioning'
    Date            = $started.ToString('o')
    DurationSeconds = [math]::Round(((Get-Date) - $started).TotalSeconds, 1)
    ModuleVersion   = $module.Version.ToString()
    Machine         = $machine
    Parameters      = [pscustomobject]@{
        UserCount = $UserCount; Scenario = $Scenario; Approach = $Approach; SweepApproach = $SweepApproach; Repeat = $Repeat
        OrderSeed = $OrderSeed; ParallelThrottleLimit = $ParallelThrottleLimit; NaiveParallelThrottleLimit = $NaiveParallelThrottleLimit
        RetryCount = $RetryCount; RetryIntervalSec = $RetryIntervalSec; LatencyMilliseconds = $LatencyMilliseconds
        SweepLatency = $SweepLatency; CoreRequestsPerMinute = $CoreRequestsPerMinute; SweepWindowSeconds = $SweepWindowSeconds
        SweepUserCount = $SweepUserCount; FailureRate = $FailureRate; Seed = $Seed; FaultDelayMilliseconds = $FaultDelayMilliseconds
        TimeoutSec = $TimeoutSec; WarmupCount = $WarmupCount
    }
    Approaches      = $definitions.Keys | ForEach-Object { [pscustomobject]@{ Name = $_; Label = $definitions[$_].Label } }
    Scenarios       = $scenarios.ToArray()
    Goals           = $goals
}
$jsonPath = Join-Path $OutDirectory 'provisioning.json'
$report | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $jsonPath -Encoding utf8
Write-Host ''
Write-Host "Wrote $jsonPath ($([math]::Round($report.DurationSeconds)) s)" -ForegroundColor Green
exit ($couldNotRun ? 1 : 0)

#endregion
