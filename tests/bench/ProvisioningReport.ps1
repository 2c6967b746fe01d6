# Dot-sourced by Invoke-ProvisioningBench.ps1: one run's numbers, their medians and ranges over the runs, the tables
# and the goals. Definitions of every figure are in docs/bench.md.

function Get-RunMetrics {
    # Turns one run's outcomes and the emulator's state into the numbers of the tables.
    param([pscustomobject] $Definition, [pscustomobject] $Point, [string] $Name, [int] $Run, [pscustomobject] $Result,
        [string[]] $ExpectedUids, [Collections.Generic.List[string]] $StoredUids, [pscustomobject] $Counters,
        [timespan] $Cpu, [timespan] $EmulatorCpu)

    $n = $ExpectedUids.Count
    $stored = [Collections.Generic.HashSet[string]]::new([string[]]$StoredUids, [StringComparer]::OrdinalIgnoreCase)
    $reports = @{}   # uid -> list of outcomes the user was told
    foreach ($outcome in $Result.Outcomes) {
        $key = ([string]$outcome.Uid).ToLowerInvariant()
        if (-not $reports.ContainsKey($key)) { $reports[$key] = [Collections.Generic.List[object]]::new() }
        $reports[$key].Add($outcome)
    }

    $reportedCreated = @($Result.Outcomes | Where-Object Ok).Count
    $reportedFailed = @($Result.Outcomes | Where-Object { -not $_.Ok }).Count
    $userSaw429 = @($Result.Outcomes | Where-Object { -not $_.Ok -and $_.Status -eq 429 }).Count
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
    $seconds = $Result.Elapsed.TotalSeconds
    $perSecond = if ($seconds -gt 0) { $reportedCreated / $seconds } else { 0 }

    $summary = $Result.Summary
    [pscustomobject]@{
        Scenario             = $Definition.Id
        LatencyMilliseconds  = $Point.LatencyMilliseconds
        Approach             = $Name
        Run                  = $Run
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
        # Absent from the summaries of versions before the in-flight limit sized itself (for side-by-side runs).
        InFlightLimit        = if ($summary -and $summary.PSObject.Properties['InFlightLimit']) { $summary.InFlightLimit } else { $null }
        PeakInFlightLimit    = if ($summary -and $summary.PSObject.Properties['PeakInFlightLimit']) { $summary.PeakInFlightLimit } else { $null }
        CpuSeconds           = [math]::Round($Cpu.TotalSeconds, 3)
        CpuMsPerUser         = [math]::Round($Cpu.TotalMilliseconds / $n, 3)
        EmulatorCpuMsPerUser = [math]::Round($EmulatorCpu.TotalMilliseconds / $n, 3)
    }
}

#region Medians and ranges

function Get-Stat {
    # Median, lowest and highest of the values (nulls left out), and how many there were.
    param([object[]] $Values)
    $sorted = @($Values | Where-Object { $null -ne $_ } | ForEach-Object { [double]$_ } | Sort-Object)
    if ($sorted.Count -eq 0) { return $null }
    $middle = [math]::Floor($sorted.Count / 2)
    $median = if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
    [pscustomobject]@{ Median = $median; Min = $sorted[0]; Max = $sorted[-1]; Runs = $sorted.Count }
}

function Format-Stat {
    # "162.2 (161.0-163.1)": the median and, over several runs, the range.
    param($Stat, [string] $Format = '0.0', [double] $Scale = 1, [string] $Suffix = '')
    if ($null -eq $Stat) { return '-' }
    $text = ($Stat.Median * $Scale).ToString($Format) + $Suffix
    if ($Stat.Runs -gt 1) { $text += ' ({0}-{1})' -f ($Stat.Min * $Scale).ToString($Format), ($Stat.Max * $Scale).ToString($Format) }
    $text
}

function Format-Span {
    # A count over the runs: "2000" when every run gave the same, "1998-2000" otherwise.
    param($Stat)
    if ($null -eq $Stat) { return '-' }
    if ($Stat.Min -eq $Stat.Max) { return '{0:0}' -f $Stat.Min }
    '{0:0}-{1:0}' -f $Stat.Min, $Stat.Max
}

function Get-ScenarioAggregate {
    # Per point and approach: every figure of the runs as median, lowest and highest.
    param([pscustomobject] $Scenario)
    $figures = 'UsersPerSecond', 'ShareOfCoreLimit', 'ElapsedSeconds', 'ReportedCreated', 'ReportedFailed', 'Created',
        'CreatedPlusFailed', 'Duplicates', 'LostTrack', 'Phantom', 'Unaccounted', 'UserSaw429', 'EmulatorAnswered429',
        'Retried', 'InFlightLimit', 'PeakInFlightLimit', 'CpuMsPerUser', 'EmulatorCpuMsPerUser'
    foreach ($point in $Scenario.Points) {
        foreach ($name in $Scenario.Approaches) {
            $runs = @($Scenario.Runs | Where-Object { $_.LatencyMilliseconds -eq $point.LatencyMilliseconds -and $_.Approach -eq $name -and -not $_.PSObject.Properties['Error'] })
            $aggregate = [ordered]@{ LatencyMilliseconds = $point.LatencyMilliseconds; Rows = $point.Rows; Approach = $name; Runs = $runs.Count }
            foreach ($figure in $figures) { $aggregate[$figure] = if ($runs) { Get-Stat @($runs | ForEach-Object $figure) } }
            [pscustomobject]$aggregate
        }
    }
}

function Get-Ratio {
    # How many times faster $Name is than $Base at one point: the ratio of the medians, and the range of the ratios
    # of the runs made in the same round.
    param([pscustomobject] $Scenario, [int] $Latency, [string] $Name, [string] $Base)
    $of = { param($approach) @($Scenario.Runs | Where-Object { $_.LatencyMilliseconds -eq $Latency -and $_.Approach -eq $approach -and -not $_.PSObject.Properties['Error'] }) }
    $runs = & $of $Name; $bases = & $of $Base
    $median = Get-Stat @($runs | ForEach-Object UsersPerSecond); $baseMedian = Get-Stat @($bases | ForEach-Object UsersPerSecond)
    if (-not $median -or -not $baseMedian -or $baseMedian.Median -le 0) { return $null }
    $paired = foreach ($run in $runs) {
        $sameRound = $bases | Where-Object Run -EQ $run.Run | Select-Object -First 1
        if ($sameRound -and $sameRound.UsersPerSecond -gt 0) { $run.UsersPerSecond / $sameRound.UsersPerSecond }
    }
    $range = Get-Stat @($paired)
    [pscustomobject]@{ Median = $median.Median / $baseMedian.Median; Min = $range.Min; Max = $range.Max; Runs = $range.Runs }
}

#endregion

#region Tables and goals

function Write-Table {
    # Format-Table to the host, wide enough not to wrap.
    param([object[]] $Rows)
    # -Property *: without it Format-Table shows only the first 10 properties.
    Write-Host (($Rows | Format-Table -Property * -AutoSize | Out-String -Width 300).TrimEnd())
}

function Write-ScenarioTable {
    # The columns that matter for each scenario: medians and ranges over the runs (every run is in provisioning.json).
    param([pscustomobject] $Scenario)
    Write-Host ''
    Write-Host $Scenario.Title -ForegroundColor Cyan
    $rows = foreach ($a in $Scenario.Aggregates) {
        if ($a.Runs -eq 0) { [pscustomobject]@{ Approach = $a.Approach; Runs = 0 }; continue }
        $ratio = { param($base) Format-Stat (Get-Ratio $Scenario $a.LatencyMilliseconds $a.Approach $base) '0.00' -Suffix 'x' }
        switch ($Scenario.Id) {
            1 { [pscustomobject][ordered]@{ Approach = $a.Approach; Runs = $a.Runs; 'Users/s' = Format-Stat $a.UsersPerSecond; 'vs Serial' = & $ratio Serial; 'vs Parallel' = & $ratio Parallel; Created = Format-Span $a.Created; Failed = Format-Span $a.ReportedFailed } }
            2 { [pscustomobject][ordered]@{ Latency = "$($a.LatencyMilliseconds) ms"; Rows = $a.Rows; Approach = $a.Approach; Runs = $a.Runs; 'Users/s' = Format-Stat $a.UsersPerSecond; '% of limit' = Format-Stat $a.ShareOfCoreLimit -Scale 100 -Suffix '%'; '429 to user' = Format-Span $a.UserSaw429; '429 answered' = Format-Span $a.EmulatorAnswered429; 'In flight (peak)' = Format-Span $a.PeakInFlightLimit; 'In flight (end)' = Format-Span $a.InFlightLimit; Failed = Format-Span $a.ReportedFailed } }
            3 { [pscustomobject][ordered]@{ Approach = $a.Approach; Runs = $a.Runs; Seconds = Format-Stat $a.ElapsedSeconds; 'Told created' = Format-Span $a.ReportedCreated; Created = Format-Span $a.Created; Failed = Format-Span $a.ReportedFailed; 'Created+Failed' = Format-Span $a.CreatedPlusFailed; Duplicates = Format-Span $a.Duplicates; 'Lost track' = Format-Span $a.LostTrack; Phantom = Format-Span $a.Phantom; Unaccounted = Format-Span $a.Unaccounted; Retried = Format-Span $a.Retried } }
            4 { [pscustomobject][ordered]@{ Approach = $a.Approach; Runs = $a.Runs; 'Users/s' = Format-Stat $a.UsersPerSecond; 'vs Serial' = & $ratio Serial; 'CPU ms/user (pwsh)' = Format-Stat $a.CpuMsPerUser '0.00'; 'CPU ms/user (emulator)' = Format-Stat $a.EmulatorCpuMsPerUser '0.00' } }
        }
    }
    Write-Table $rows
}

function Get-GoalResult {
    # The issue's goals, each with what was measured and whether it was met ("n/a" when its inputs did not run).
    # Speed goals are judged on medians; "nothing lost", "nothing doubled" and "no 429" on every run.
    param([object[]] $Scenarios)
    $goals = [Collections.Generic.List[object]]::new()
    function Add-Goal([int] $Id, [string] $Goal, $Measured, [string] $Text, $Met) {
        $status = if ($null -eq $Met) { 'n/a' } elseif ($Met) { 'met' } else { 'MISSED' }
        $goals.Add([pscustomobject]@{ Scenario = $Id; Goal = $Goal; Measured = $Text; Value = $Measured; Result = $status })
    }
    $find = { param($s, $latency, $name) $s.Aggregates | Where-Object { $_.LatencyMilliseconds -eq $latency -and $_.Approach -eq $name -and $_.Runs -gt 0 } | Select-Object -First 1 }

    foreach ($s in $Scenarios) {
        switch ($s.Id) {
            1 {
                foreach ($goal in @(@{ Base = 'Serial'; Times = 5; Text = 'the fair serial loop' }, @{ Base = 'Parallel'; Times = 1.2; Text = 'the fair ForEach-Object -Parallel loop' })) {
                    $ratio = Get-Ratio $s $LatencyMilliseconds Module $goal.Base
                    Add-Goal 1 ("Module >= {0}x {1} (users/s)" -f $goal.Times, $goal.Text) $ratio (Format-Stat $ratio '0.00' -Suffix 'x') ($(if ($ratio) { $ratio.Median -ge $goal.Times }))
                }
            }
            2 {
                foreach ($point in $s.Points) {
                    $module = & $find $s $point.LatencyMilliseconds Module
                    $share = if ($module) { $module.ShareOfCoreLimit }
                    Add-Goal 2 "Module >= 95% of the core limit at $($point.LatencyMilliseconds) ms" $share (Format-Stat $share -Scale 100 -Suffix '%') ($(if ($share) { $share.Median -ge 0.95 }))
                    $seen = if ($module) { $module.UserSaw429 }
                    Add-Goal 2 "Module: 0 429s reaching the user at $($point.LatencyMilliseconds) ms" $seen ($(if ($seen) { "$(Format-Span $seen) (emulator answered $(Format-Span $module.EmulatorAnswered429))" } else { '-' })) ($(if ($seen) { $seen.Max -eq 0 }))
                }
            }
            3 {
                $module = & $find $s $LatencyMilliseconds Module
                if ($module) {
                    $text = 'created {0} + failed {1} = {2}; lost track {3}, phantom {4}, unaccounted {5}' -f (Format-Span $module.Created), (Format-Span $module.ReportedFailed),
                        (Format-Span $module.CreatedPlusFailed), (Format-Span $module.LostTrack), (Format-Span $module.Phantom), (Format-Span $module.Unaccounted)
                    $ok = $module.CreatedPlusFailed.Min -eq $UserCount -and $module.CreatedPlusFailed.Max -eq $UserCount -and
                        $module.LostTrack.Max -eq 0 -and $module.Phantom.Max -eq 0 -and $module.Unaccounted.Max -eq 0
                    Add-Goal 3 "Module: nothing lost (created + failed = $UserCount in every run)" $module.CreatedPlusFailed $text $ok
                    Add-Goal 3 'Module: nothing doubled (0 duplicates in every run)' $module.Duplicates (Format-Span $module.Duplicates) ($module.Duplicates.Max -eq 0)
                }
                else {
                    Add-Goal 3 'Module: nothing lost, nothing doubled' $null '-' $null
                }
            }
        }
    }
    $goals.ToArray()
}

function Get-MachineDescription {
    [pscustomobject]@{
        Cores      = [Environment]::ProcessorCount
        Os         = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        Cpu        = if (Test-Path /proc/cpuinfo) { (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value } else { $env:PROCESSOR_IDENTIFIER }
        PowerShell = $PSVersionTable.PSVersion.ToString()
        Dotnet     = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        LoadAverage = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { $null }
    }
}

#endregion
