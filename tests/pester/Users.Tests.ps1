BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
}

AfterAll {
    Stop-CometChatEmulator
}

Describe 'New-CometChatUser' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'creates a user with every property and returns a typed object' {
        $user = New-CometChatUser -Uid Ada -Name 'Ada Lovelace' -Avatar 'https://example.com/a.png' -Link 'https://example.com/ada' `
            -StatusMessage 'Busy' -Metadata @{ department = 'engineering'; nested = @{ level = 7 } } -Tags engineering, founders
        $user | Should -BeOfType ([CometChat.Client.Models.CometChatUser])
        $user.Uid | Should -Be 'ada'
        $user.Name | Should -Be 'Ada Lovelace'
        $user.Avatar | Should -Be 'https://example.com/a.png'
        $user.Link | Should -Be 'https://example.com/ada'
        $user.Role | Should -Be 'default'
        $user.Status | Should -Be 'offline'
        $user.StatusMessage | Should -Be 'Busy'
        $user.Metadata.department | Should -Be 'engineering'
        $user.Metadata.nested.level | Should -Be 7
        @($user.Tags) | Should -Be @('engineering', 'founders')
        $user.CreatedAt | Should -BeOfType ([DateTimeOffset])
        $user.AuthToken | Should -BeNullOrEmpty
    }

    It 'issues a login token with -WithAuthToken, masked in the default view' {
        $user = New-CometChatUser -Uid tok -Name Token -WithAuthToken
        $user.AuthToken | Should -BeOfType ([securestring])
        $plain = Get-PlainKey $user.AuthToken
        $plain | Should -Match '^tok_\d{10}[0-9a-f]{30}$'
        ($user | Format-List | Out-String) + ($user | Format-List * | Out-String) + ($user | ConvertTo-Csv | Out-String) | Should -Not -BeLike "*$plain*"
    }

    It 'provisions a CSV with tags, metadata and empty cells' {
        $csv = Join-Path $TestDrive 'users.csv'
        @'
Uid,Name,Avatar,Link,Role,StatusMessage,Tags,Metadata
full,Full Row,https://example.com/f.png,https://example.com/full,default,Hello,a;b;c,"{""team"":""blue"",""@private"":{""email"":""f@example.com""}}"
sparse,Sparse Row,,,,,,
commas,Comma Tags,,,,,"x,y",
'@ | Set-Content $csv
        $created = Import-Csv $csv | New-CometChatUser
        $created.Uid | Should -Be @('full', 'sparse', 'commas')

        $full = Get-CometChatUser -Uid full
        @($full.Tags) | Should -Be @('a', 'b', 'c')
        $full.Metadata.team | Should -Be 'blue'
        $full.Metadata.'@private'.email | Should -Be 'f@example.com'
        $full.StatusMessage | Should -Be 'Hello'

        $sparse = Get-CometChatUser -Uid sparse
        $sparse.Avatar | Should -BeNullOrEmpty
        $sparse.Link | Should -BeNullOrEmpty
        $sparse.StatusMessage | Should -BeNullOrEmpty
        $sparse.Metadata | Should -BeNullOrEmpty
        $sparse.Tags | Should -BeNullOrEmpty
        $sparse.Role | Should -Be 'default'

        @((Get-CometChatUser -Uid commas).Tags) | Should -Be @('x', 'y')
    }

    It 'binds common CSV header aliases' {
        [pscustomobject]@{ UserId = 'alias1'; DisplayName = 'Alias One'; AvatarUrl = 'https://example.com/1.png'; Tag = 'one' } | New-CometChatUser | Out-Null
        $user = Get-CometChatUser -Uid alias1
        $user.Name | Should -Be 'Alias One'
        $user.Avatar | Should -Be 'https://example.com/1.png'
        @($user.Tags) | Should -Be @('one')
    }

    It 'reports a duplicate uid for its row and still creates the others' {
        $rows = @(
            [pscustomobject]@{ Uid = 'first'; Name = 'First' }
            [pscustomobject]@{ Uid = 'FIRST'; Name = 'Duplicate of first' }
            [pscustomobject]@{ Uid = 'second'; Name = 'Second' }
        )
        $created = $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $created.Uid | Should -Be @('first', 'second')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ERR_UID_ALREADY_EXISTS,CometChat.PowerShell.Commands.NewCometChatUserCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        [object]::ReferenceEquals($failures[0].TargetObject, $rows[1]) | Should -BeTrue
        (Get-CometChatUser).Uid | Should -Be @('first', 'second')
    }

    It 'reports invalid fields with the rules CometChat words them by, row by row, before sending, and goes on' {
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        $rows = @(
            [pscustomobject]@{ Uid = 'bad uid'; Name = 'Bad' }
            [pscustomobject]@{ Uid = 'noname'; Name = '' }
            [pscustomobject]@{ Uid = 'good'; Name = 'Good' }
        )
        $created = $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $created.Uid | Should -Be 'good'
        $failures | Should -HaveCount 2
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'ERR_BAD_REQUEST,*' }
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ErrorDetails.Message | Should -BeLike "Row 1 (line 2 of a CSV file): uid: The uid may only contain letters, numbers, dashes and underscores; 'bad uid' has a space (U+0020) at position 4.*"
        $failures[1].ErrorDetails.Message | Should -BeLike 'Row 2 (line 3 of a CSV file): name: The name field is required.*'
        $failures.TargetObject.Uid | Should -Be @('bad uid', 'noname')
        Get-EmulatorRequestCount $Emulator -Method POST -Route '/v3/users' | Should -Be 1
    }

    It 'reports a metadata cell that is not a JSON object for its row, without sending it' {
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        $rows = @(
            [pscustomobject]@{ Uid = 'm1'; Name = 'M1'; Metadata = '{"ok":true}' }
            [pscustomobject]@{ Uid = 'm2'; Name = 'M2'; Metadata = '{not json' }
            [pscustomobject]@{ Uid = 'm3'; Name = 'M3'; Metadata = '[1,2]' }
        )
        $created = $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $created.Uid | Should -Be 'm1'
        $failures | Should -HaveCount 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ERR_BAD_REQUEST,*' }
        $failures[0].ErrorDetails.Message | Should -BeLike "Row 2 (line 3 of a CSV file): metadata: Metadata '{not json' is not JSON (invalid at character 2); expected a JSON object such as {`"department`":`"sales`"}*"
        $failures[1].ErrorDetails.Message | Should -BeLike "Row 3 (line 4 of a CSV file): metadata: Metadata '``[1,2``]' is a JSON array; expected a JSON object*"
        $failures.TargetObject.Uid | Should -Be @('m2', 'm3')
        Get-EmulatorRequestCount $Emulator -Method POST -Route '/v3/users' | Should -Be 1
    }

    It 'reports an unknown role as not found' {
        New-CometChatUser -Uid r1 -Name R -Role no-such-role -ErrorAction SilentlyContinue -ErrorVariable failures | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_ROLE_NOT_FOUND,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'writes results in input order although requests run concurrently' {
        Invoke-EmulatorAdmin -Emulator $Emulator -Path settings -Method Put -Body @{ latencyMilliseconds = 5; latencyJitterMilliseconds = 30 } | Out-Null
        try {
            $rows = 1..60 | ForEach-Object { [pscustomobject]@{ Uid = 'order{0:d3}' -f $_; Name = "Order $_" } }
            $created = $rows | New-CometChatUser -ThrottleLimit 16
            $created.Uid | Should -Be $rows.Uid
        }
        finally {
            Invoke-EmulatorAdmin -Emulator $Emulator -Path settings -Method Put -Body @{ latencyMilliseconds = 0; latencyJitterMilliseconds = 0 } | Out-Null
        }
    }

    It 'changes nothing with -WhatIf, and says what it would send' {
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        $text = Get-WhatIfText { New-CometChatUser -Uid whatif -Name 'What If' -Metadata @{ '@private' = @{ email = 'secret@example.com' } } -WhatIf }
        $text | Should -BeLike "*Create CometChat user 'whatif': POST /v3/users {*`"uid`":`"whatif`"*"
        $text | Should -BeLike '*"@private":"***"*'
        $text | Should -Not -BeLike '*secret@example.com*'
        Get-EmulatorRequestCount $Emulator -Method POST -Route '/v3/users' | Should -Be 0
        Get-CometChatUser | Should -BeNullOrEmpty
    }

    It 'writes a summary to the information stream' {
        1..3 | ForEach-Object { [pscustomobject]@{ Uid = "s$_"; Name = "S $_" } } | New-CometChatUser -InformationVariable info | Out-Null
        $summary = ($info | Where-Object Tags -Contains 'Summary').MessageData
        $summary.Created | Should -Be 3
        $summary.Failed | Should -Be 0
        (Get-CometChatContext).LastOperation.Created | Should -Be 3
    }
}

Describe 'A CSV round trip' {
    BeforeAll { Reset-Emulator $Emulator }

    It 'recreates the same users, tags and metadata from an export' {
        New-CometChatUser -Uid rt1 -Name 'Round Trip' -Avatar 'https://example.com/r.png' -Link 'https://example.com/rt1' -StatusMessage 'Here' `
            -Metadata @{ dept = 'ops'; 'a b' = @(1, 2); deep = @{ x = 'y, z' } } -Tags 'one', 'two words' | Out-Null
        New-CometChatUser -Uid rt2 -Name 'Ünïcødé 名前' | Out-Null
        $before = Get-CometChatUser | Sort-Object Uid
        $csv = Join-Path $TestDrive 'export.csv'
        $before | Export-Csv $csv

        Reset-Emulator $Emulator
        Import-Csv $csv | New-CometChatUser | Out-Null
        $after = Get-CometChatUser | Sort-Object Uid

        foreach ($property in 'Uid', 'Name', 'Avatar', 'Link', 'Role', 'StatusMessage') {
            $after.$property | Should -Be $before.$property -Because $property
        }
        $after | ForEach-Object { "$($_.Metadata?.ToString())" } | Should -Be ($before | ForEach-Object { "$($_.Metadata?.ToString())" })
        $after | ForEach-Object { "$($_.Tags?.ToString())" } | Should -Be ($before | ForEach-Object { "$($_.Tags?.ToString())" })
        $after[0].Tags.ToString() | Should -Be 'one;two words'
    }
}

Describe 'Get-CometChatUser' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:Names = 'Alice', 'Bob', 'Carol', 'Dave', 'Eve'
        $Names | ForEach-Object { [pscustomobject]@{ Uid = $_.ToLower(); Name = $_; Tags = $(if ($_ -in 'Alice', 'Eve') { 'admin' }) } } | New-CometChatUser | Out-Null
    }

    It 'gets users by uid, several at once, case-insensitively' {
        (Get-CometChatUser -Uid ALICE, bob).Uid | Should -Be @('alice', 'bob')
    }

    It 'takes a uid by position (a lookup, not a search)' {
        New-CometChatUser -Uid alice2 -Name 'Alice Two' | Out-Null
        try {
            (Get-CometChatUser alice).Uid | Should -Be 'alice'
        }
        finally {
            Remove-CometChatUser -Uid alice2 -Permanent -Force
        }
    }

    It 'binds uids from the pipeline by value and by property name' {
        ('carol', 'dave' | Get-CometChatUser).Uid | Should -Be @('carol', 'dave')
        ([pscustomobject]@{ UserId = 'eve' } | Get-CometChatUser).Name | Should -Be 'Eve'
        (Get-CometChatUser -Uid alice | Get-CometChatUser).Uid | Should -Be 'alice'
    }

    It 'reports an unknown uid for that input and goes on' {
        $found = 'alice', 'nobody', 'bob' | Get-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $found.Uid | Should -Be @('alice', 'bob')
        $failures[0].FullyQualifiedErrorId | Should -Be 'ERR_UID_NOT_FOUND,CometChat.PowerShell.Commands.GetCometChatUserCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'nobody'
    }

    It 'streams every page, in name order, with tags' {
        $all = Get-CometChatUser -PageSize 2
        $all.Name | Should -Be $Names
        @(($all | Where-Object Uid -EQ 'alice').Tags) | Should -Be @('admin')
    }

    It 'pages with -First and -Skip across page boundaries' {
        (Get-CometChatUser -PageSize 2 -Skip 1 -First 3).Name | Should -Be @('Bob', 'Carol', 'Dave')
        (Get-CometChatUser -PageSize 2 -Skip 4).Name | Should -Be @('Eve')
        (Get-CometChatUser -PageSize 2 -Skip 9) | Should -BeNullOrEmpty
        (Get-CometChatUser -First 0) | Should -BeNullOrEmpty
    }

    It 'reports the total with -IncludeTotalCount' {
        $output = Get-CometChatUser -IncludeTotalCount -First 1
        $output[0].ToString() | Should -Be 'Total count: 5'
        $output[1].Name | Should -Be 'Alice'
    }

    It 'filters by search key and tag' {
        (Get-CometChatUser -SearchKey ca).Uid | Should -Be 'carol'
        (Get-CometChatUser -Tag admin).Uid | Should -Be @('alice', 'eve')
    }
}

Describe 'Set-CometChatUser' {
    BeforeEach {
        Reset-Emulator $Emulator
        New-CometChatUser -Uid sam -Name 'Sam' -Avatar 'https://example.com/s.png' -Link 'https://example.com/sam' -StatusMessage 'Hi' `
            -Metadata @{ a = 1 } -Tags t1, t2 | Out-Null
    }

    It 'changes the given properties and leaves the rest untouched' {
        $user = Set-CometChatUser -Uid sam -Name 'Samuel' -PassThru
        $user.Name | Should -Be 'Samuel'
        $user.Avatar | Should -Be 'https://example.com/s.png'
        $user.StatusMessage | Should -Be 'Hi'
        @($user.Tags) | Should -Be @('t1', 't2')
        $user.Metadata.a | Should -Be 1
        $user.UpdatedAt | Should -Not -BeNullOrEmpty
    }

    It 'treats empty CSV cells as not given' {
        [pscustomobject]@{ Uid = 'sam'; Name = ''; Avatar = ''; Tags = ''; Metadata = ''; StatusMessage = 'Away' } | Set-CometChatUser
        $user = Get-CometChatUser -Uid sam
        $user.Name | Should -Be 'Sam'
        $user.StatusMessage | Should -Be 'Away'
        @($user.Tags) | Should -Be @('t1', 't2')
    }

    It 'clears properties with -Clear' {
        Set-CometChatUser -Uid sam -Clear Avatar, Link, Metadata, Tags, StatusMessage
        $user = Get-CometChatUser -Uid sam
        $user.Avatar | Should -BeNullOrEmpty
        $user.Link | Should -BeNullOrEmpty
        $user.Metadata | Should -BeNullOrEmpty
        $user.Tags | Should -BeNullOrEmpty
        $user.StatusMessage | Should -BeNullOrEmpty
        $user.Name | Should -Be 'Sam'
    }

    It 'takes users from Get-CometChatUser on the pipeline' {
        Get-CometChatUser -Uid sam | Set-CometChatUser -StatusMessage 'Piped'
        (Get-CometChatUser -Uid sam).StatusMessage | Should -Be 'Piped'
    }

    It 'changes only what the command line gives for piped users, so a stale copy undoes nothing' {
        $stale = Get-CometChatUser -Uid sam
        Set-CometChatUser -Uid sam -Name 'Renamed Meanwhile' -Tags new
        $stale | Set-CometChatUser -StatusMessage 'From stale copy'
        $user = Get-CometChatUser -Uid sam
        $user.StatusMessage | Should -Be 'From stale copy'
        $user.Name | Should -Be 'Renamed Meanwhile'
        @($user.Tags) | Should -Be @('new')
    }

    It 'changes nothing with -WhatIf, and -PassThru shows what would be set' {
        $preview = Set-CometChatUser -Uid sam -Name 'Never' -WhatIf -PassThru
        $preview.Name | Should -Be 'Never'
        (Get-CometChatUser -Uid sam).Name | Should -Be 'Sam'
    }

    It 'reports an unknown uid' {
        Set-CometChatUser -Uid nobody -Name X -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
        $failures[0].TargetObject | Should -Be 'nobody'
    }
}

Describe 'Remove-CometChatUser' {
    BeforeEach {
        Reset-Emulator $Emulator
        'x1', 'x2', 'x3' | ForEach-Object { New-CometChatUser -Uid $_ -Name $_ } | Out-Null
    }

    It 'is high impact, so it asks before removing' {
        (Get-Command Remove-CometChatUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
    }

    It 'deactivates without -Permanent, as the API does' {
        Remove-CometChatUser -Uid x1 -Force
        Get-CometChatUser -Uid x1 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $deactivated = Get-CometChatUser -Uid x1 -IncludeDeactivated
        $deactivated.DeactivatedAt | Should -Not -BeNullOrEmpty
        (Get-CometChatUser -OnlyDeactivated).Uid | Should -Be 'x1'
    }

    It 'deletes for good with -Permanent' {
        Remove-CometChatUser -Uid x1 -Permanent -Force
        Get-CometChatUser -Uid x1 -IncludeDeactivated -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        New-CometChatUser -Uid x1 -Name 'x1 again' | Should -Not -BeNullOrEmpty
    }

    It 'removes what Get-CometChatUser pipes to it' {
        Get-CometChatUser -Uid x2, x3 | Remove-CometChatUser -Force
        (Get-CometChatUser).Uid | Should -Be 'x1'
    }

    It 'changes nothing with -WhatIf, even with -Force' {
        Remove-CometChatUser -Uid x1 -WhatIf -Force
        (Get-CometChatUser).Uid | Should -Be @('x1', 'x2', 'x3')
    }

    It 'reports an unknown uid and removes the rest' {
        'nobody', 'x1' | Remove-CometChatUser -Force -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
        (Get-CometChatUser).Uid | Should -Be @('x2', 'x3')
    }
}

Describe 'Mocking the module in a consumer''s own tests' {
    BeforeAll {
        function Invoke-Onboarding {
            # A consumer's script: provisions a CSV and reports how many users it created.
            param([string] $Path)
            @(Import-Csv $Path | New-CometChatUser -IfExists Skip).Count
        }
    }

    It 'lets Pester mock New-CometChatUser with a parameter filter' {
        $csv = Join-Path $TestDrive 'onboard.csv'
        "Uid,Name`nm1,Mocked One`nm2,Mocked Two" | Set-Content $csv
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        Mock New-CometChatUser { [CometChat.Client.Models.CometChatUser]@{ Uid = $Uid; Name = $Name } }

        Invoke-Onboarding -Path $csv | Should -Be 2
        Should -Invoke New-CometChatUser -Times 2 -Exactly
        Should -Invoke New-CometChatUser -Times 1 -Exactly -ParameterFilter { $Uid -eq 'm2' -and $Name -eq 'Mocked Two' -and $IfExists -eq 'Skip' }
        Get-EmulatorRequestCount $Emulator -Method POST -Route '/v3/users' | Should -Be 0 -Because 'the mock answered instead of the service'
    }
}
