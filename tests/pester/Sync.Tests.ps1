# Keeping CometChat equal to an HR file: joiners, movers, leavers and rehires, with Compare- and Sync-CometChatUser.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator

    function Clear-Counters { Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null }

    function Get-WriteCount {
        # Requests that change something, by "METHOD route".
        $counts = @{}
        foreach ($row in @((Invoke-EmulatorAdmin -Emulator $Emulator -Path counters).data.requests)) {
            $counts["$($row.method) $($row.route)"] = [int]$counts["$($row.method) $($row.route)"] + [int]$row.count
        }
        $counts
    }

    function New-HrRow {
        param([int] $Number, [string] $Name = "Employee $Number", [string] $Department = 'sales', [string] $Tags = 'staff')
        [pscustomobject]@{
            Uid        = 'e{0:d4}' -f $Number
            Name       = $Name
            Role       = ''
            Tags       = $Tags
            Metadata   = '{"department":"' + $Department + '","employeeId":' + $Number + '}'
            Avatar     = ''
        }
    }
}

AfterAll { Stop-CometChatEmulator }

Describe 'From HR file v1 to v2' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:V1 = 1..500 | ForEach-Object { New-HrRow $_ }
        $V1 | Sync-CometChatUser -Scope hr | Out-Null
        # Users this file does not own, and three former employees deactivated since.
        'manual-1', 'manual-2' | ForEach-Object { New-CometChatUser -Uid $_ -Name $_ } | Out-Null
        Disable-CometChatUser -Uid e0401, e0402, e0403 -Force | Out-Null

        # v2: 20 joiners, 30 movers, 50 leavers, the three rehired, a trailing space, a repeated uid, a bad field.
        $v2 = [Collections.Generic.List[object]]::new()
        foreach ($row in $V1) {
            $number = [int]$row.Uid.Substring(1)
            if ($number -le 50) { continue }                                       # leavers e0001-e0050
            if ($number -le 80) { $row = New-HrRow $number -Name "Moved $number" -Department 'support' -Tags 'staff;moved' }   # movers e0051-e0080
            $v2.Add($row)
        }
        501..520 | ForEach-Object { $v2.Add((New-HrRow $_)) }                      # joiners
        $v2[100].Uid = $v2[100].Uid + ' '                                          # e0151 with a trailing space
        $v2.Add([pscustomobject]@{ Uid = 'E0200'; Name = 'Duplicate of e0200'; Role = ''; Tags = 'staff'; Metadata = ''; Avatar = '' })
        $v2[250].Avatar = 'not a url'                                              # e0301: a bad field for an existing user
        $script:V2 = $v2.ToArray()

        Clear-Counters
        $script:Plan = @($V2 | Compare-CometChatUser -Scope hr -Missing Deactivate -ErrorAction SilentlyContinue -ErrorVariable compareErrors)
        $script:CompareErrors = $compareErrors
        $script:AfterCompare = Get-WriteCount
        Clear-Counters
        $script:Applied = @($V2 | Sync-CometChatUser -Scope hr -Missing Deactivate -ErrorAction SilentlyContinue -ErrorVariable syncErrors)
        $script:SyncErrors = $syncErrors
        $script:Requests = Get-WriteCount
        $script:Summary = (Get-CometChatContext).LastOperation
        $script:Users = @{}
        Get-CometChatUser -IncludeDeactivated | ForEach-Object { $Users[$_.Uid] = $_ }
    }

    It 'Compare reads only: list pages and nothing else' {
        $AfterCompare.Keys | Where-Object { $_ -notlike 'GET *' } | Should -BeNullOrEmpty
        $AfterCompare['GET /v3/users'] | Should -Be 1
    }

    It 'plans one action per user that differs' {
        ($Plan | Group-Object Action -AsHashTable -AsString).Keys | Sort-Object | Should -Be @('Create', 'Deactivate', 'Reactivate', 'Update')
        @($Plan | Where-Object Action -EQ Create).Count | Should -Be 20
        @($Plan | Where-Object Action -EQ Update).Count | Should -Be 30
        @($Plan | Where-Object Action -EQ Deactivate).Count | Should -Be 50
        @($Plan | Where-Object Action -EQ Reactivate).Uid | Should -Be @('e0401', 'e0402', 'e0403')
        ($Plan | Where-Object Uid -EQ e0051).Changes.Property | Should -Be @('Name', 'Metadata', 'Tags')
    }

    It 'Sync did exactly what Compare planned' {
        ($Applied | ForEach-Object { "$($_.Action) $($_.Uid)" } | Sort-Object) | Should -Be ($Plan | ForEach-Object { "$($_.Action) $($_.Uid)" } | Sort-Object)
        $Applied.Result | Sort-Object -Unique | Should -Be @('Created', 'Deactivated', 'Reactivated', 'Updated')
    }

    It 'costs one request per change and none for the unchanged users' {
        $Requests['GET /v3/users'] | Should -Be 1 -Because 'the app is read once (every page of 1,000)'
        $Requests['POST /v3/users'] | Should -Be 20
        $Requests['PUT /v3/users/{uid}'] | Should -Be 30
        $Requests['DELETE /v3/users'] | Should -Be 1 -Because '50 leavers are one batch'
        $Requests['PUT /v3/users'] | Should -Be 1 -Because '3 rehires are one batch'
        ($Requests.Keys | Where-Object { $_ -notin 'GET /v3/users', 'POST /v3/users', 'PUT /v3/users/{uid}', 'DELETE /v3/users', 'PUT /v3/users', 'GET /v3/roles' }) | Should -BeNullOrEmpty
        $Summary.Created | Should -Be 20
        $Summary.Updated | Should -Be 30
        $Summary.Reactivated | Should -Be 3
        $Summary.Deactivated | Should -Be 50
        $Summary.Failed | Should -Be 2
        $Summary.Unchanged | Should -Be 415 -Because '450 old rows less 30 movers, 3 rehires and the two rows in error' 
    }

    It 'ends with the app equal to the file' {
        foreach ($row in $V2 | Where-Object { $_.Uid.Trim() -notin 'e0200', 'E0200', 'e0301' }) {
            $user = $Users[$row.Uid.Trim().ToLowerInvariant()]
            $user.Name | Should -Be $row.Name
            $user.DeactivatedAt | Should -BeNullOrEmpty -Because "$($row.Uid) is in the file"
            @($user.Tags) | Sort-Object | Should -Be (@($row.Tags -split ';') + 'hr' | Sort-Object)
            $user.Metadata.employeeId | Should -Be ([int]$row.Uid.Trim().Substring(1))
        }
        1..50 | ForEach-Object { $Users['e{0:d4}' -f $_].DeactivatedAt | Should -Not -BeNullOrEmpty }
        $Users['e0520'].Tags | Should -Contain 'hr'
    }

    It 'leaves users outside the scope alone' {
        $Users['manual-1'].DeactivatedAt | Should -BeNullOrEmpty
        $Users['manual-2'].Tags | Should -BeNullOrEmpty
    }

    It 'never treats a bad or repeated row as a leaver, and leaves those users as they were' {
        $SyncErrors | Should -HaveCount 2
        $SyncErrors[0].ErrorDetails.Message | Should -BeLike "Row *: avatar: *"
        $SyncErrors[0].TargetObject.Uid | Should -Be 'e0301'
        $SyncErrors[1].ErrorDetails.Message | Should -BeLike "Row *: uid: The uid e0200 is repeated: row * of this input has it too*left as it is*"
        foreach ($uid in 'e0301', 'e0200') {
            $Users[$uid].DeactivatedAt | Should -BeNullOrEmpty
            $Users[$uid].Name | Should -Be ("Employee {0}" -f [int]$uid.Substring(1))
        }
        $Users['e0151'].DeactivatedAt | Should -BeNullOrEmpty -Because 'a trailing space is not part of the uid'
        $CompareErrors | Should -HaveCount 2
    }

    It 'a second run finds nothing to do' {
        Clear-Counters
        $again = @($V2 | Sync-CometChatUser -Scope hr -Missing Deactivate -ErrorAction SilentlyContinue)
        $again | Should -BeNullOrEmpty
        (Get-WriteCount).Keys | Where-Object { $_ -notlike 'GET *' } | Should -BeNullOrEmpty
    }

    It '-IncludeEqual lists the unchanged users too' {
        $all = @($V2 | Compare-CometChatUser -Scope hr -IncludeEqual -ErrorAction SilentlyContinue)
        @($all | Where-Object Action -EQ None).Count | Should -Be 468
    }
}

Describe 'Guards' {
    BeforeEach {
        Reset-Emulator $Emulator
        1..150 | ForEach-Object { [pscustomobject]@{ Uid = "g$_"; Name = "G $_" } } | Sync-CometChatUser -Scope hr | Out-Null
        Clear-Counters
    }

    It '-MaxRemovalCount stops a truncated file before any write' {
        $truncated = 1..20 | ForEach-Object { [pscustomobject]@{ Uid = "g$_"; Name = "Renamed $_" } }
        $failure = { $truncated | Sync-CometChatUser -Scope hr -Missing Deactivate } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatTooManyRemovals,*'
        $failure.Exception.Message | Should -BeLike '*would deactivate or delete 130 users, more than -MaxRemovalCount 100. Nothing was written.*'
        (Get-WriteCount).Keys | Where-Object { $_ -notlike 'GET *' } | Should -BeNullOrEmpty
        (Get-CometChatUser -Uid g1).Name | Should -Be 'G 1'
    }

    It 'an empty file with -Missing Delete is refused too' {
        { [object[]]@() | Sync-CometChatUser -Scope hr -Missing Delete } | Should -Throw -ErrorId 'CometChatTooManyRemovals,*'
        @(Get-CometChatUser).Count | Should -Be 150
    }

    It 'Compare warns instead, and still shows the plan' {
        $plan = @(1..20 | ForEach-Object { [pscustomobject]@{ Uid = "g$_"; Name = "G $_" } } | Compare-CometChatUser -Scope hr -Missing Delete -WarningVariable warnings -WarningAction SilentlyContinue)
        $plan.Count | Should -Be 130
        "$warnings" | Should -BeLike '*would deactivate or delete 130 users*'
    }

    It '-WhatIf prints the plan and writes nothing' {
        $rows = 1..149 | ForEach-Object { [pscustomobject]@{ Uid = "g$_"; Name = if ($_ -eq 1) { 'Renamed' } else { "G $_" } } }
        $text = Get-WhatIfText { $rows | Sync-CometChatUser -Scope hr -Missing Deactivate -WhatIf }
        $text | Should -Be ("What if: Update CometChat user 'g1': PUT /v3/users/g1 {`"name`":`"Renamed`"}`n" +
            "What if: Deactivate CometChat user 'g150': DELETE /v3/users {`"uidsToDeactivate`":[`"g150`"]}")
        (Get-WriteCount).Keys | Where-Object { $_ -notlike 'GET *' } | Should -BeNullOrEmpty
    }

    It 'a plan piped from Compare is applied as it is, and refused for a user that changed since' {
        $rows = 1..150 | ForEach-Object { [pscustomobject]@{ Uid = "g$_"; Name = if ($_ -le 2) { "Planned $_" } else { "G $_" } } }
        $plan = $rows | Compare-CometChatUser -Scope hr
        Set-CometChatUser -Uid g2 -StatusMessage 'changed meanwhile'
        $applied = $plan | Sync-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable refused
        $applied.Uid | Should -Be 'g1'
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'CometChatPlanOutdated,*'
        (Get-CometChatUser -Uid g1).Name | Should -Be 'Planned 1'
        (Get-CometChatUser -Uid g2).Name | Should -Be 'G 2'
    }

    It 'deletes leavers for good with -Missing Delete, and only those' {
        $rows = 1..148 | ForEach-Object { [pscustomobject]@{ Uid = "g$_"; Name = "G $_" } }
        ($rows | Sync-CometChatUser -Scope hr -Missing Delete).Result | Should -Be @('Deleted', 'Deleted')
        @(Get-CometChatUser -IncludeDeactivated).Count | Should -Be 148
    }
}

Describe 'Backup and restore across two apps' {
    It 'recreates the same users, the deactivated ones deactivated, once the target has the roles' {
        Reset-Emulator $Emulator
        New-CometChatRole -Role contractor -Name Contractors | Out-Null
        New-CometChatUser -Uid ann -Name Ann -Role contractor -Tags a, b -Metadata @{ team = 'blue' } -StatusMessage 'hi' -Avatar 'https://example.com/a.png' | Out-Null
        New-CometChatUser -Uid ben -Name Ben -Link 'https://example.com/ben' | Out-Null
        New-CometChatUser -Uid cid -Name Cid -Tags 'Legal, Compliance' | Out-Null
        Disable-CometChatUser -Uid ben -Force | Out-Null
        $backup = Join-Path $TestDrive 'backup.csv'
        Get-CometChatUser -IncludeDeactivated | Export-Csv $backup

        $target = Start-CometChatEmulator -NoDefault
        try {
            # Without the role, the row that needs it is an error naming the role; the others are restored.
            Import-Csv $backup | Sync-CometChatUser -Context $target.Context -ErrorAction SilentlyContinue -ErrorVariable missingRole | Out-Null
            $missingRole | Should -HaveCount 1
            $missingRole[0].ErrorDetails.Message | Should -BeLike '*role: The role contractor does not exist*New-CometChatRole*'
            Get-CometChatRole | Where-Object Role -NE default | New-CometChatRole -Context $target.Context | Out-Null
            Import-Csv $backup | Sync-CometChatUser -Context $target.Context | Out-Null

            $source = Get-CometChatUser -IncludeDeactivated | Sort-Object Uid
            $restored = Get-CometChatUser -IncludeDeactivated -Context $target.Context | Sort-Object Uid
            $restored.Uid | Should -Be $source.Uid
            foreach ($i in 0..($source.Count - 1)) {
                foreach ($property in 'Name', 'Avatar', 'Link', 'Role', 'StatusMessage') {
                    $restored[$i].$property | Should -Be $source[$i].$property -Because "$($source[$i].Uid).$property"
                }
                "$($restored[$i].Metadata)" | Should -Be "$($source[$i].Metadata)"
                @($restored[$i].Tags) | Should -Be @($source[$i].Tags)
                [bool]$restored[$i].DeactivatedAt | Should -Be ([bool]$source[$i].DeactivatedAt) -Because "$($source[$i].Uid) keeps its state"
            }
        }
        finally { Stop-CometChatEmulator -InputObject $target }
    }
}
