# How many requests a bulk command keeps in flight: sized from the paced rate and the round trip, shrunk by faults,
# fixed by -ThrottleLimit. The figures come from the summary and -Verbose, never from a clock: the emulator's latency
# setting is a lower bound of every round trip, whatever the machine's load.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"

    function New-Rows {
        param([int] $Count, [string] $Prefix)
        1..$Count | ForEach-Object { [pscustomobject]@{ Uid = '{0}{1:d4}' -f $Prefix, $_; Name = "In flight $_" } }
    }

    function Set-EmulatorSetting {
        param($Emulator, [hashtable] $Settings)
        Invoke-EmulatorAdmin -Emulator $Emulator -Path settings -Method Put -Body $Settings | Out-Null
    }

    # The most requests the emulator had open at once since its counters were zeroed: what the command really kept
    # in flight, whatever its summary says.
    function Reset-PeakInFlight {
        param($Emulator)
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
    }
    function Get-PeakInFlight {
        param($Emulator)
        [int](Invoke-EmulatorAdmin -Emulator $Emulator -Path counters).data.peakInFlight
    }
}

Describe 'Requests in flight, paced' {
    BeforeAll {
        # CometChat's core limit, 10,000 a minute: the connection paces creates at 97.5% of it, 162.5 a second.
        $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 10000 -NoConnect
        $script:Connection = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -CoreRequestsPerMinute 10000 -SkipConnectionTest -PassThru
    }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }

    It 'grow with the round trip to what the paced rate needs, and say so in -Verbose and the summary' {
        Set-EmulatorSetting $Emulator @{ latencyMilliseconds = 0 }
        New-Rows 200 -Prefix near | New-CometChatUser -Context $Connection | Out-Null
        $near = $Connection.LastOperation

        Set-EmulatorSetting $Emulator @{ latencyMilliseconds = 500 }
        Reset-PeakInFlight $Emulator
        $lines = @(New-Rows 200 -Prefix far | New-CometChatUser -Context $Connection -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Now up to *' } |
            ForEach-Object Message)
        $far = $Connection.LastOperation

        $far.Created | Should -Be 200
        # Every round trip takes 500 ms or more, so Little's law asks for at least 162.5/s × (1.5 × 0.5 s + 0.1 s).
        $far.InFlightLimit | Should -BeGreaterOrEqual 139
        $far.InFlightLimit | Should -BeGreaterThan $near.InFlightLimit
        $far.PeakInFlightLimit | Should -BeGreaterOrEqual $far.InFlightLimit
        # Really on the wire: the paced rate times the round trip is 81; a fixed 32 would never pass 32.
        Get-PeakInFlight $Emulator | Should -BeGreaterThan 64
        "$far" | Should -Match ', in flight up to \d+ \(\d+ at the end\)$'
        # A line when the limit moves by a tenth or more (at most one a second): here it only grows from 32.
        $lines | Should -Not -BeNullOrEmpty
        $lines | ForEach-Object {
            $_ | Should -Match '^Now up to \d+ requests in flight \(162\.5 requests/s paced, (at least )?\d+ ms in flight each\)\.$'
            [int]($_ -replace '^Now up to (\d+) .*$', '$1') | Should -BeGreaterThan 32
        }
        # Paced at the limit, sized by Little's law: the service never had to refuse.
        Get-EmulatorRequestCount $Emulator -Status 429 | Should -Be 0
    }
}

Describe 'Requests in flight, reported' {
    BeforeAll {
        $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 10000 -NoConnect
        $script:Connection = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -CoreRequestsPerMinute 10000 -SkipConnectionTest -PassThru
    }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }

    It 'as the highest limit the command applied, not one computed after the last record' {
        # 20 rows start at once under the first limit, 32; the limit the answers would size (139 at 500 ms) never
        # applied to any record, so the summary must not claim it.
        Set-EmulatorSetting $Emulator @{ latencyMilliseconds = 500 }
        New-Rows 20 -Prefix few | New-CometChatUser -Context $Connection | Out-Null
        $summary = $Connection.LastOperation
        $summary.Created | Should -Be 20
        $summary.PeakInFlightLimit | Should -Be 32
        $summary.InFlightLimit | Should -Be 32
    }
}

Describe 'Requests in flight, unpaced' {
    BeforeAll {
        # No rate limits: there is no rate to size for, so the limit starts and stays at 32 unless faults shrink it.
        $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -NoConnect
        $script:Connection = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -MaxRetryCount 1 -SkipConnectionTest -PassThru
    }
    AfterAll { Stop-CometChatEmulator -InputObject $Emulator }

    It 'shrink when the service answers with faults' {
        Set-EmulatorSetting $Emulator @{ failureRate = 0 }
        New-Rows 100 -Prefix clean | New-CometChatUser -Context $Connection | Out-Null
        $clean = $Connection.LastOperation
        $clean.InFlightLimit | Should -Be 32

        # Every request meets a fault: 5xx, a dropped connection, or an answer held 0 ms (which arrives).
        Set-EmulatorSetting $Emulator @{ failureRate = 1; faultDelayMilliseconds = 0 }
        New-Rows 40 -Prefix faulty | New-CometChatUser -Context $Connection -ErrorAction SilentlyContinue | Out-Null
        $faulty = $Connection.LastOperation

        $faulty.Retried | Should -BeGreaterThan 0
        $faulty.InFlightLimit | Should -BeLessOrEqual 16
        $faulty.PeakInFlightLimit | Should -Be 32
    }

    It 'stay at -ThrottleLimit when it is given' {
        Set-EmulatorSetting $Emulator @{ failureRate = 1; faultDelayMilliseconds = 0 }
        New-Rows 40 -Prefix fixed | New-CometChatUser -Context $Connection -ThrottleLimit 12 -ErrorAction SilentlyContinue | Out-Null
        $fixed = $Connection.LastOperation

        $fixed.InFlightLimit | Should -Be 12
        $fixed.PeakInFlightLimit | Should -Be 12
    }

    It 'keep no more than -ThrottleLimit requests open at the service' {
        Set-EmulatorSetting $Emulator @{ failureRate = 0; latencyMilliseconds = 200 }
        Reset-PeakInFlight $Emulator
        New-Rows 40 -Prefix open | New-CometChatUser -Context $Connection -ThrottleLimit 12 | Out-Null
        $Connection.LastOperation.Created | Should -Be 40
        # 12 at once; an answer can reach the client a moment before the emulator counts its request as ended, so
        # the next one may overlap it briefly.
        Get-PeakInFlight $Emulator | Should -BeGreaterOrEqual 12
        Get-PeakInFlight $Emulator | Should -BeLessOrEqual 14
        Set-EmulatorSetting $Emulator @{ latencyMilliseconds = 0 }
    }

    It 'accept a -ThrottleLimit up to 512' {
        { New-CometChatUser -Uid x -Name x -Context $Connection -ThrottleLimit 513 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CometChat.PowerShell.Commands.NewCometChatUserCommand'
        Set-EmulatorSetting $Emulator @{ failureRate = 0 }
        (New-Rows 3 -Prefix wide | New-CometChatUser -Context $Connection -ThrottleLimit 512) | Should -HaveCount 3
    }
}
