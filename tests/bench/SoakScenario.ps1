# The soak scenario, dot-sourced by tests/bench/Invoke-SoakBench.ps1 (20,000 rows) and tests/pester/Soak.Tests.ps1
# (a smaller run): Import-Csv | New-CometChatUser against an emulator with faults of every kind, latency with jitter
# and a low rate limit, killed (hard) and restarted on the same port and data file in the middle of the run. Then
# every row is accounted for, the failed rows are rerun with -IfExists Skip, and the server must hold exactly the
# file. The caller imports the module first. See docs/bench.md, "Soak".

function New-SoakCsv {
    # Writes $Count users to $Path: every row has Uid and Name; every 3rd row has tags (soak;cohort-N), every 4th
    # metadata (a JSON object with a nested @private email), every 5th an avatar. Deterministic content.
    param([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][int] $Count, [string] $Prefix = 'soak')
    $departments = 'engineering', 'sales', 'support', 'research', 'finance'
    $writer = [IO.StreamWriter]::new($Path, $false, [Text.UTF8Encoding]::new($false))
    try {
        $writer.WriteLine('"Uid","Name","Avatar","Tags","Metadata"')
        for ($i = 1; $i -le $Count; $i++) {
            $uid = '{0}-{1:d5}' -f $Prefix, $i
            $avatar = if ($i % 5 -eq 0) { "https://example.com/avatars/$uid.png" } else { '' }
            $tags = if ($i % 3 -eq 0) { 'soak;cohort-{0}' -f ($i % 7) } else { '' }
            $metadata = if ($i % 4 -eq 0) {
                ('{{"department":"{0}","employeeId":{1},"@private":{{"email":"{2}@example.com"}}}}' -f $departments[$i % $departments.Count], (100000 + $i), $uid) -replace '"', '""'
            }
            else { '' }
            $writer.WriteLine(('"{0}","Soak User {1}","{2}","{3}","{4}"' -f $uid, $i, $avatar, $tags, $metadata))
        }
    }
    finally {
        $writer.Dispose()
    }
}

function Get-SoakDotnet {
    # The dotnet host that runs this PowerShell (dotnet pwsh), else the one on PATH.
    $candidates = @($env:DOTNET_HOST_PATH, [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName)
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path -LiteralPath $candidate) -and [IO.Path]::GetFileNameWithoutExtension($candidate) -eq 'dotnet') { return $candidate }
    }
    'dotnet'
}

function Start-SoakEmulator {
    # Starts the module's emulator as a process of its own with fixed keys, port and data file, so that it can be
    # killed and started again with the same ones while a pipeline keeps its connection. Options are the emulator's
    # command-line names without the dashes (latency-ms, failure-rate, ...). Waits for its "Listening on" line.
    param(
        [Parameter(Mandatory)][string] $EmulatorPath,
        [Parameter(Mandatory)][int] $Port,
        [Parameter(Mandatory)][string] $DataPath,
        [Parameter(Mandatory)][string] $ApiKey,
        [Parameter(Mandatory)][string] $AuthOnlyKey,
        [hashtable] $Options = @{},
        [int] $TimeoutSec = 60
    )
    $start = [Diagnostics.ProcessStartInfo]::new((Get-SoakDotnet))
    foreach ($argument in @($EmulatorPath, '--port', $Port, '--data-path', $DataPath, '--parent-pid', $PID)) { $start.ArgumentList.Add([string]$argument) }
    foreach ($name in $Options.Keys) {
        $start.ArgumentList.Add("--$name")
        $start.ArgumentList.Add([Convert]::ToString($Options[$name], [Globalization.CultureInfo]::InvariantCulture))
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    # Keys go through the environment, not the command line.
    $start.Environment['COMETCHAT_EMULATOR_API_KEY'] = $ApiKey
    $start.Environment['COMETCHAT_EMULATOR_AUTH_ONLY_KEY'] = $AuthOnlyKey
    $process = [Diagnostics.Process]::Start($start)
    # Drained in the background so that the emulator never blocks on a full pipe.
    $stderr = $process.StandardError.ReadToEndAsync()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $listening = $null
    while ($null -eq $listening) {
        $line = $process.StandardOutput.ReadLineAsync()
        $left = [int][math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $line.Wait($left)) {
            $process.Kill()
            throw "The emulator did not listen on port $Port within $TimeoutSec s."
        }
        if ($null -eq $line.Result) {
            $process.WaitForExit()
            throw "The emulator exited with code $($process.ExitCode) before listening: $($stderr.Result.Trim())"
        }
        if ($line.Result.StartsWith('Listening on ')) { $listening = $line.Result.Substring(13).Trim().TrimEnd('/') }
    }
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{
        Process   = $process
        ProcessId = $process.Id
        Root      = $listening
        BaseUri   = "$listening/v3"
        ApiKey    = $ApiKey
    }
}

function Invoke-SoakAdmin {
    # The emulator's admin surface (/_emulator/...): no rate limit, latency or faults.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)][string] $Path, [string] $Method = 'Get', [hashtable] $Body)
    $parameters = @{ Uri = "$($Emulator.Root)/_emulator/$Path"; Method = $Method; Headers = @{ apikey = $Emulator.ApiKey }; TimeoutSec = 30 }
    if ($Body) { $parameters.Body = $Body | ConvertTo-Json -Compress; $parameters.ContentType = 'application/json' }
    (Invoke-RestMethod @parameters).data
}

function Stop-SoakEmulator {
    # Graceful stop (POST /_emulator/shutdown), then a kill if it lingers.
    param([Parameter(Mandatory)] $Emulator)
    if ($Emulator.Process.HasExited) { return }
    try { $null = Invoke-SoakAdmin -Emulator $Emulator -Path shutdown -Method Post } catch { Write-Verbose "Shutdown request failed: $_" }
    if (-not $Emulator.Process.WaitForExit(10000)) { $Emulator.Process.Kill() }
    $Emulator.Process.WaitForExit()
}

function Add-SoakCounter {
    # Sums the emulator's counters over its two lives (each process starts from zero).
    param($Total, $Counters)
    foreach ($kind in 'status500', 'status502', 'status503', 'dropped', 'delayed', 'afterWrite') {
        $Total.Faults[$kind] += [long]$Counters.faults.$kind
    }
    foreach ($row in $Counters.requests) {
        if ($row.method -eq 'POST' -and $row.route -eq '/v3/users') { $Total.CreatesByStatus[[string]$row.status] += [long]$row.count }
        $Total.Requests += [long]$row.count
    }
}

function Get-SoakMemorySample {
    # Managed heap after a full collection (what the process keeps), and the working set.
    param([long] $Rows, [Diagnostics.Stopwatch] $Clock)
    $heap = [GC]::GetTotalMemory($true)
    [pscustomobject]@{
        Rows         = $Rows
        Seconds      = [math]::Round($Clock.Elapsed.TotalSeconds, 2)
        HeapMB       = [math]::Round($heap / 1MB, 2)
        WorkingSetMB = [math]::Round([Diagnostics.Process]::GetCurrentProcess().WorkingSet64 / 1MB, 1)
    }
}

function Get-SoakMemoryGrowth {
    # Growth per 1,000 rows from the first quarter of the samples to the last (means of each quarter), in KB.
    param([object[]] $Samples, [string] $Property)
    $count = $Samples.Count
    if ($count -lt 4) { return $null }
    $quarter = [math]::Max(1, [math]::Floor($count / 4))
    $first = $Samples | Select-Object -First $quarter
    $last = $Samples | Select-Object -Last $quarter
    $rows = ($last | Measure-Object Rows -Average).Average - ($first | Measure-Object Rows -Average).Average
    $megabytes = ($last | Measure-Object $Property -Average).Average - ($first | Measure-Object $Property -Average).Average
    if ($rows -le 0) { return $null }
    [math]::Round($megabytes * 1024 / ($rows / 1000), 1)
}

function Get-SoakAccounting {
    # Puts every row of the file in one bucket, by what the user was told (created: an output object; failed: an error
    # record whose target is the row) and what the server holds:
    #   Created          told created once, stored, no error
    #   FailedNotStored  one error, not stored                  (the rerun creates it)
    #   FailedButStored  one error, stored: the write applied before the failure the user was told about; no retry
    #                    could confirm it (retries ran out), so the row is in the error list and the rerun with
    #                    -IfExists Skip skips it
    #   Lost             told nothing, or told created but not stored
    #   Double           told more than once (created twice, failed twice, or both)
    param(
        [Parameter(Mandatory)][string[]] $Uids,
        [string[]] $ToldCreated,
        [string[]] $ToldFailed,
        [string[]] $Stored
    )
    # Hashtables ignore case, as CometChat does for uids (it stores them lowercase).
    $created = @{}; $failed = @{}; $storedCount = @{}
    foreach ($uid in @($ToldCreated)) { $created[$uid] = 1 + [int]$created[$uid] }
    foreach ($uid in @($ToldFailed)) { $failed[$uid] = 1 + [int]$failed[$uid] }
    foreach ($uid in @($Stored)) { $storedCount[$uid] = 1 + [int]$storedCount[$uid] }

    $buckets = [ordered]@{ Created = 0; FailedNotStored = 0; FailedButStored = 0; Lost = 0; Double = 0 }
    $examples = @{}
    $fileUids = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($uid in $Uids) {
        $null = $fileUids.Add($uid)
        $c = [int]$created[$uid]; $f = [int]$failed[$uid]; $s = [int]$storedCount[$uid]
        $bucket = if ($c + $f -gt 1 -or $s -gt 1) { 'Double' }
        elseif ($c -eq 1 -and $s -eq 1) { 'Created' }
        elseif ($f -eq 1 -and $s -eq 0) { 'FailedNotStored' }
        elseif ($f -eq 1 -and $s -eq 1) { 'FailedButStored' }
        else { 'Lost' }
        $buckets[$bucket]++
        if ($bucket -in 'Lost', 'Double' -and -not $examples.ContainsKey($bucket)) { $examples[$bucket] = "$uid (told created $c, failed $f, stored $s)" }
    }
    $extra = @($storedCount.Keys | Where-Object { -not $fileUids.Contains($_) })
    [pscustomobject]@{
        Rows            = $Uids.Count
        Created         = $buckets.Created
        FailedNotStored = $buckets.FailedNotStored
        FailedButStored = $buckets.FailedButStored
        Lost            = $buckets.Lost
        Double          = $buckets.Double
        NotInFile       = $extra.Count
        Examples        = $examples
    }
}

function Get-SoakStoredUser {
    # Every user on the server (faults are off by now), through the module.
    param([Parameter(Mandatory)] $Connection)
    $users = [Collections.Generic.List[object]]::new()
    Get-CometChatUser -Context $Connection -IncludeDeactivated | ForEach-Object {
        $users.Add([pscustomobject]@{ Uid = $_.Uid; Name = $_.Name; EmployeeId = if ($_.Metadata) { $_.Metadata['employeeId'] } })
    }
    , $users
}

function Invoke-SoakScenario {
    <#
    Runs the soak once and returns what happened. The emulator is a process of its own (fixed port, keys and data
    file); a thread job kills it (Stop-Process -Force) once -KillAtRow rows have entered the pipeline and starts it
    again after -DowntimeSeconds, while the pipeline keeps its connection. Memory of this process is sampled every
    -SampleEvery rows between Import-Csv and New-CometChatUser; outputs go to a file, not to memory, so that the
    samples measure the module rather than the harness.
    #>
    param(
        [Parameter(Mandatory)][string] $CsvPath,
        [Parameter(Mandatory)][string] $EmulatorPath,
        # Emulator options (command-line names without dashes), for both of its lives.
        [Parameter(Mandatory)][hashtable] $EmulatorOptions,
        # Client: timeout per attempt, pacing (the emulator's limits), retries (null: the module's default).
        [int] $TimeoutSec = 2,
        [int] $CoreRequestsPerMinute,
        [int] $StandardRequestsPerMinute,
        [Nullable[int]] $MaxRetryCount,
        [int] $KillAtRow,
        [double] $DowntimeSeconds = 3,
        [int] $SampleEvery = 500
    )
    $rowCount = 0
    foreach ($line in [IO.File]::ReadLines($CsvPath)) { $rowCount++ }
    $rowCount--   # header
    if (-not $KillAtRow) { $KillAtRow = [math]::Max(1, [math]::Floor($rowCount / 2)) }

    $work = Join-Path ([IO.Path]::GetTempPath()) ('cometchat-soak-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    $dataPath = Join-Path $work 'emulator.db'
    $toldPath = Join-Path $work 'told-created.txt'
    $apiKey = -join (1..40 | ForEach-Object { '{0:x}' -f (Get-Random -Maximum 16) })
    $authOnlyKey = -join (1..40 | ForEach-Object { '{0:x}' -f (Get-Random -Maximum 16) })
    # The first process takes a port the system gives it (0); the restart comes back on that same port.
    $emulatorArguments = @{ EmulatorPath = $EmulatorPath; Port = 0; DataPath = $dataPath; ApiKey = $apiKey; AuthOnlyKey = $authOnlyKey; Options = $EmulatorOptions }
    $counters = @{ Faults = @{}; CreatesByStatus = @{}; Requests = 0L }
    $first = $null; $second = $null; $job = $null; $writer = $null; $restart = $null
    try {
        $first = Start-SoakEmulator @emulatorArguments
        $emulatorArguments.Port = ([uri]$first.Root).Port
        $connect = @{ BaseUri = $first.BaseUri; ApiKey = (ConvertTo-SecureString $apiKey -AsPlainText -Force); TimeoutSec = $TimeoutSec; PassThru = $true }
        if ($PSBoundParameters.ContainsKey('CoreRequestsPerMinute')) { $connect.CoreRequestsPerMinute = $CoreRequestsPerMinute }
        if ($PSBoundParameters.ContainsKey('StandardRequestsPerMinute')) { $connect.StandardRequestsPerMinute = $StandardRequestsPerMinute }
        if ($null -ne $MaxRetryCount) { $connect.MaxRetryCount = $MaxRetryCount }
        $connection = Connect-CometChat @connect

        # The restart, from another runspace: wait for the signal, read the counters, kill, wait, start again.
        $signal = [Threading.ManualResetEventSlim]::new($false)
        $restart = [hashtable]::Synchronized(@{ Cancel = $false; Ready = $false; CountersBeforeKill = $null; KilledAt = $null; Emulator = $null; ListeningAgainAt = $null })
        $job = Start-ThreadJob -ArgumentList (Join-Path $PSScriptRoot 'SoakScenario.ps1'), $signal, $restart, $first, $emulatorArguments, $DowntimeSeconds -ScriptBlock {
            param($SupportPath, $Signal, $Restart, $Emulator, $EmulatorArguments, $DowntimeSeconds)
            . $SupportPath
            # This runspace warms up (its first web request) before the rows start, so that the memory samples of
            # the run measure the module rather than this job.
            $null = Invoke-SoakAdmin -Emulator $Emulator -Path counters
            $null = Get-Process -Id $Emulator.ProcessId
            $Restart.Ready = $true
            while (-not $Signal.Wait(200)) { if ($Restart.Cancel) { return } }
            $Restart.CountersBeforeKill = Invoke-SoakAdmin -Emulator $Emulator -Path counters
            $Restart.KilledAt = [DateTime]::UtcNow
            Stop-Process -Id $Emulator.ProcessId -Force
            $Emulator.Process.WaitForExit()
            Start-Sleep -Milliseconds ([int]($DowntimeSeconds * 1000))
            $Restart.Emulator = Start-SoakEmulator @EmulatorArguments
            $Restart.ListeningAgainAt = [DateTime]::UtcNow
        }

        while (-not $restart.Ready -and $job.State -in 'NotStarted', 'Running') { Start-Sleep -Milliseconds 50 }
        $samples = [Collections.Generic.List[object]]::new()
        $writer = [IO.StreamWriter]::new($toldPath)
        $failures = $null; $information = $null
        $piped = 0
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $pipelineStartedAt = [DateTime]::UtcNow
        $samples.Add((Get-SoakMemorySample 0 $clock))
        Import-Csv -LiteralPath $CsvPath |
            ForEach-Object {
                $piped++
                if ($piped -eq $KillAtRow) { $signal.Set() }
                if ($piped % $SampleEvery -eq 0) { $samples.Add((Get-SoakMemorySample $piped $clock)) }
                $_
            } |
            New-CometChatUser -Context $connection -ErrorAction SilentlyContinue -ErrorVariable failures -InformationVariable information |
            ForEach-Object { $writer.WriteLine($_.Uid) }
        $clock.Stop()
        $pipelineEndedAt = [DateTime]::UtcNow
        $pipelineSeconds = $clock.Elapsed.TotalSeconds
        $writer.Dispose(); $writer = $null
        $samples.Add((Get-SoakMemorySample $piped $clock))
        $summary = @($information | Where-Object { $_.Tags -contains 'Summary' } | ForEach-Object MessageData) | Select-Object -Last 1

        if (-not $signal.IsSet) { $restart.Cancel = $true }
        $null = $job | Wait-Job -Timeout 120
        $jobErrors = $null
        $null = Receive-Job $job -ErrorAction SilentlyContinue -ErrorVariable jobErrors
        $jobErrors = @($jobErrors | ForEach-Object { "$_" })
        $second = $restart.Emulator
        if (-not $second) { throw "The emulator was not restarted: $($jobErrors -join '; ')" }

        # Held ("delayed") requests and in-flight writes settle; then the faults go off for the checks.
        Start-Sleep -Milliseconds ([int]$EmulatorOptions['fault-delay-ms'] + 1000)
        Add-SoakCounter $counters $restart.CountersBeforeKill
        Add-SoakCounter $counters (Invoke-SoakAdmin -Emulator $second -Path counters)
        $null = Invoke-SoakAdmin -Emulator $second -Path settings -Method Put -Body @{ failureRate = 0; latencyMilliseconds = 0; latencyJitterMilliseconds = 0 }

        $rows = @(Import-Csv -LiteralPath $CsvPath)
        $uids = [string[]]@($rows.Uid)
        $stored = Get-SoakStoredUser $connection
        $toldCreated = [IO.File]::ReadAllLines($toldPath)
        $failedRows = @($failures | ForEach-Object TargetObject)
        $accounting = Get-SoakAccounting -Uids $uids -ToldCreated $toldCreated -ToldFailed ([string[]]@($failedRows | ForEach-Object Uid)) -Stored ([string[]]@($stored.Uid))

        # What the server holds for each row is what the file says: names, the metadata rows, the tagged rows.
        $byUid = @{}
        foreach ($user in $stored) { $byUid[$user.Uid] = $user }
        $wrongContent = @($rows | Where-Object {
                $user = $byUid[$_.Uid]
                $user -and ($user.Name -ne $_.Name -or ($_.Metadata -and [long]$user.EmployeeId -ne [long]($_.Metadata | ConvertFrom-Json).employeeId))
            }).Count
        $tagged = [Collections.Generic.HashSet[string]]::new([string[]]@(Get-CometChatUser -Context $connection -Tag soak | ForEach-Object Uid), [StringComparer]::OrdinalIgnoreCase)
        $taggedInFile = [Collections.Generic.HashSet[string]]::new([string[]]@($rows | Where-Object Tags | ForEach-Object Uid), [StringComparer]::OrdinalIgnoreCase)
        $wrongTags = @($tagged | Where-Object { -not $taggedInFile.Contains($_) }).Count +
            @($taggedInFile | Where-Object { $byUid.ContainsKey($_) -and -not $tagged.Contains($_) }).Count

        # The rerun: only the failed rows, as the errors carry them, faults off.
        $rerunFailures = $null; $rerunInformation = $null
        $rerunOutput = @($failedRows | New-CometChatUser -Context $connection -IfExists Skip -ErrorAction SilentlyContinue -ErrorVariable rerunFailures -InformationVariable rerunInformation)
        $rerunSummary = @($rerunInformation | Where-Object { $_.Tags -contains 'Summary' } | ForEach-Object MessageData) | Select-Object -Last 1
        $afterRerun = [string[]]@((Get-SoakStoredUser $connection).Uid)
        $fileSet = [Collections.Generic.HashSet[string]]::new($uids, [StringComparer]::OrdinalIgnoreCase)
        $serverSet = [Collections.Generic.HashSet[string]]::new($afterRerun, [StringComparer]::OrdinalIgnoreCase)

        [pscustomobject]@{
            Rows               = $rowCount
            PipelineSeconds    = [math]::Round($pipelineSeconds, 1)
            KillAtRow          = $KillAtRow
            FirstProcessId     = $first.ProcessId
            SecondProcessId    = $second.ProcessId
            KilledAtSeconds    = [math]::Round(($restart.KilledAt - $pipelineStartedAt).TotalSeconds, 1)
            DownSeconds        = [math]::Round(($restart.ListeningAgainAt - $restart.KilledAt).TotalSeconds, 1)
            # The kill and the restart both fell inside the pipeline: it met the dead port and then the new process.
            RestartedMidRun    = $restart.ListeningAgainAt -lt $pipelineEndedAt
            RestartErrors      = $jobErrors
            Faults             = [pscustomobject]$counters.Faults
            CreatesByStatus    = [pscustomobject]$counters.CreatesByStatus
            EmulatorRequests   = $counters.Requests
            Summary            = $summary
            ToldCreated        = $toldCreated.Count
            ToldFailed         = $failedRows.Count
            FailedUids         = [string[]]@($failedRows | ForEach-Object Uid)
            ErrorIds           = @($failures | Group-Object FullyQualifiedErrorId | Sort-Object Count -Descending | ForEach-Object { [pscustomobject]@{ Id = $_.Name; Count = $_.Count } })
            Accounting         = $accounting
            WrongContent       = $wrongContent
            WrongTags          = $wrongTags
            Stored             = $stored.Count
            Rerun              = [pscustomobject]@{
                Rows    = $failedRows.Count
                Created = if ($rerunSummary) { $rerunSummary.Created } else { 0 }
                Skipped = if ($rerunSummary) { $rerunSummary.Skipped } else { 0 }
                Failed  = @($rerunFailures).Count
                Output  = $rerunOutput.Count
            }
            StoredAfterRerun   = $afterRerun.Count
            MissingAfterRerun  = @($uids | Where-Object { -not $serverSet.Contains($_) }).Count
            ExtraAfterRerun    = @($afterRerun | Where-Object { -not $fileSet.Contains($_) }).Count
            ServerIsFile       = $serverSet.SetEquals($fileSet) -and $afterRerun.Count -eq $uids.Count
            Memory             = [pscustomobject]@{
                StartHeapMB             = $samples[0].HeapMB
                PeakHeapMB              = ($samples | Measure-Object HeapMB -Maximum).Maximum
                EndHeapMB               = $samples[-1].HeapMB
                HeapKBPer1000Rows       = Get-SoakMemoryGrowth $samples HeapMB
                StartWorkingSetMB       = $samples[0].WorkingSetMB
                PeakWorkingSetMB        = ($samples | Measure-Object WorkingSetMB -Maximum).Maximum
                EndWorkingSetMB         = $samples[-1].WorkingSetMB
                WorkingSetKBPer1000Rows = Get-SoakMemoryGrowth $samples WorkingSetMB
                Samples                 = $samples.ToArray()
            }
        }
    }
    finally {
        if ($writer) { $writer.Dispose() }
        if ($job) {
            if ($restart) { $restart.Cancel = $true }
            $null = $job | Wait-Job -Timeout 120
            $job | Remove-Job -Force
            if (-not $second -and $restart.Emulator) { $second = $restart.Emulator }
        }
        foreach ($emulator in @($second, $first)) { if ($emulator) { Stop-SoakEmulator $emulator } }
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }
}
