# A small soak (the bench's is tests/bench/Invoke-SoakBench.ps1, 20,000 rows): Import-Csv | New-CometChatUser against
# an emulator with faults of every kind, latency with jitter and a low rate limit, killed and restarted in the middle.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    . "$PSScriptRoot/../bench/SoakScenario.ps1"
}

Describe 'Soak: faults, a low rate limit and an emulator restart in the middle of a run' {
    BeforeAll {
        $ProgressPreference = 'SilentlyContinue'
        $csv = Join-Path $TestDrive 'users.csv'
        New-SoakCsv -Path $csv -Count 1000
        $emulatorPath = Join-Path (Split-Path $script:ModulePath) 'emulator/CometChat.Emulator.dll'
        # 20% faults with 2 retries per request, so that some rows run out of retries and the error list has work
        # for the rerun; a 1 s attempt timeout against answers held 1.5 s.
        $options = @{
            'latency-ms' = 2; 'latency-jitter-ms' = 3; 'failure-rate' = 0.2; 'seed' = 7; 'fault-delay-ms' = 1500
            'core-requests-per-minute' = 12000; 'standard-requests-per-minute' = 20000; 'rate-limit-window-seconds' = 2
        }
        $script:Soak = Invoke-SoakScenario -CsvPath $csv -EmulatorPath $emulatorPath -EmulatorOptions $options -TimeoutSec 1 `
            -CoreRequestsPerMinute 12000 -StandardRequestsPerMinute 20000 -MaxRetryCount 2 -DowntimeSeconds 1 -SampleEvery 250
    }

    It 'kills the emulator while rows are in flight and restarts it on the same port and data file' {
        $Soak.RestartErrors | Should -BeNullOrEmpty
        $Soak.SecondProcessId | Should -Not -Be $Soak.FirstProcessId
        $Soak.RestartedMidRun | Should -BeTrue -Because 'the pipeline must still be running when the new process listens'
        $Soak.KillAtRow | Should -Be 500
    }

    It 'injects faults of every kind, some after the write' {
        foreach ($kind in 'status500', 'status502', 'status503', 'dropped', 'delayed', 'afterWrite') {
            $Soak.Faults.$kind | Should -BeGreaterThan 0 -Because "$kind faults are part of the soak"
        }
    }

    It 'tells about every row exactly once: created, or failed with the row as the error''s target' {
        $Soak.ToldCreated + $Soak.ToldFailed | Should -Be 1000
        $Soak.Accounting.Lost | Should -Be 0 -Because "no row may go untold or be told created without being stored ($($Soak.Accounting.Examples['Lost']))"
        $Soak.Accounting.Double | Should -Be 0 -Because "no row may be told twice ($($Soak.Accounting.Examples['Double']))"
        $Soak.Accounting.NotInFile | Should -Be 0
        $Soak.Accounting.Created + $Soak.Accounting.FailedNotStored + $Soak.Accounting.FailedButStored | Should -Be 1000
        $Soak.Accounting.Created | Should -Be $Soak.ToldCreated
        # Creates whose answer was lost were confirmed and reported once, as created.
        $Soak.Summary.Recovered | Should -BeGreaterThan 0
    }

    It 'stores what the file says: names, metadata and tags' {
        $Soak.WrongContent | Should -Be 0
        $Soak.WrongTags | Should -Be 0
    }

    It 'completes the set when the failed rows are rerun with -IfExists Skip' {
        $Soak.ToldFailed | Should -BeGreaterThan 0 -Because 'the rerun needs failed rows to be a test'
        $Soak.Rerun.Failed | Should -Be 0
        $Soak.Rerun.Created | Should -Be $Soak.Accounting.FailedNotStored
        $Soak.Rerun.Skipped | Should -Be $Soak.Accounting.FailedButStored
        $Soak.MissingAfterRerun | Should -Be 0
        $Soak.ExtraAfterRerun | Should -Be 0
        $Soak.ServerIsFile | Should -BeTrue
    }
}

Describe 'A long pipeline' {
    BeforeAll {
        $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -NoConnect
        $script:Connection = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -PassThru
    }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }
    BeforeEach { Reset-Emulator $Emulator }

    It 'keeps memory flat: New-CometChatUser holds nothing per row once the row is written' {
        $heap = @{}
        1..30000 |
            ForEach-Object {
                if ($_ -in 5000, 30000) { $heap[$_] = [GC]::GetTotalMemory($true) }
                [pscustomobject]@{ Uid = "mem-$_"; Name = "Memory $_" }
            } |
            New-CometChatUser -Context $Connection -ErrorAction Stop |
            Out-Null
        $Connection.LastOperation.Created | Should -Be 30000
        # Remembering every uid of the input cost about 100 bytes a row: over 2 MB for these 25,000 rows.
        ($heap[30000] - $heap[5000]) / 1MB | Should -BeLessThan 1 -Because 'the heap must not grow with the number of rows'
    }

    It 'reports a uid repeated far back once, with CometChat''s answer, and creates nothing twice' {
        $rows = @(1..4200 | ForEach-Object { [pscustomobject]@{ Uid = "far-$_"; Name = "Far $_" } }) + [pscustomobject]@{ Uid = 'FAR-1'; Name = 'Far again' }
        $created = $rows | New-CometChatUser -Context $Connection -ErrorAction SilentlyContinue -ErrorVariable failures
        @($created) | Should -HaveCount 4200
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_ALREADY_EXISTS,*'
        $failures[0].TargetObject.Name | Should -Be 'Far again'
        Get-EmulatorRequestCount $Emulator -Method POST -Route '/v3/users' | Should -Be 4201
        (Get-CometChatUser -Context $Connection -Uid far-1).Name | Should -Be 'Far 1'
    }
}
