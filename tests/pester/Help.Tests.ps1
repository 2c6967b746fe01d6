BeforeAll { . "$PSScriptRoot/TestSupport.ps1" }

# The help of the BUILT module: what Get-Help shows comes from en-US/CometChat.PowerShell.dll-Help.xml and
# en-US/about_CometChat.help.txt, which build.ps1 converts from docs/en-US with tools/ConvertTo-MamlHelp.ps1.

BeforeDiscovery {
    # The cmdlets to check come from the built module's manifest, so a cmdlet added there without help fails here.
    . "$PSScriptRoot/TestSupport.ps1"
    $manifest = Import-PowerShellDataFile $ModulePath
    $script:CmdletCases = @($manifest.CmdletsToExport | Sort-Object | ForEach-Object { @{ Name = $_ } })
    # The cmdlets that bind pipeline input by property name: their help must show a CSV pipeline.
    $script:CsvCases = @($CmdletCases | Where-Object {
            (Get-Command $_.Name -Module CometChat.PowerShell).Parameters.Values.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName
        })
}

BeforeAll {
    $script:DocsFolder = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:Converter = Join-Path $PSScriptRoot '../../tools/ConvertTo-MamlHelp.ps1'
    $script:ModuleCommands = @{}
    Get-Command -Module CometChat.PowerShell -CommandType Cmdlet | ForEach-Object { $ModuleCommands[$_.Name] = $_ }
    $script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
    $script:RiskParameters = [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    function Test-DontShow {
        # Hidden parameters (the piped record kept as an error's target) need no help.
        param([System.Management.Automation.ParameterMetadata] $Parameter)
        [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
    }

    function Get-VisibleParameter {
        # The parameters a reader sees: everything but the common parameters and hidden ones (-WhatIf and -Confirm
        # included, since their help says what this cmdlet prints or asks).
        param([System.Management.Automation.CommandInfo] $Command)
        $Command.Parameters.Values | Where-Object { $_.Name -notin $CommonParameters -and -not (Test-DontShow $_) }
    }

    function Get-ParameterHelp {
        param($Help, [string] $Name)
        @($Help.parameters.parameter) | Where-Object { $_.name -eq $Name } | Select-Object -First 1
    }

    function Get-HelpText {
        # The text of a maml description (an array of paragraphs with a Text property).
        param($Description)
        (@($Description) | ForEach-Object { $_.Text }) -join "`n"
    }

    function Resolve-ParameterName {
        # The parameter a name or alias in an example stands for, or $null. Exact names and aliases only: the
        # documentation should not rely on prefixes.
        param([System.Management.Automation.CommandInfo] $Command, [string] $Name)
        foreach ($parameter in $Command.Parameters.Values) {
            if ($parameter.Name -eq $Name -or $parameter.Aliases -contains $Name) { return $parameter.Name }
        }
        $null
    }

    function Get-ExampleProblem {
        # What is wrong with one example's code: parse errors, module commands called with parameters they don't
        # have, or with parameters that are in no parameter set together.
        param([string] $Code)
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        foreach ($errorItem in $errors) { "parse error: $($errorItem.Message)" }
        $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
        foreach ($call in $calls) {
            $name = $call.GetCommandName()
            if (-not $name -or -not $ModuleCommands.ContainsKey($name)) { continue }
            $command = $ModuleCommands[$name]
            $used = foreach ($element in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                $resolved = Resolve-ParameterName $command $element.ParameterName
                if (-not $resolved) { "$name has no parameter -$($element.ParameterName)" } else { $resolved }
            }
            $unknown = @($used | Where-Object { $_ -like '* has no parameter *' })
            if ($unknown) { $unknown; continue }
            $specific = @($used | Where-Object { $_ -notin $CommonParameters -and $_ -notin $RiskParameters })
            $fits = $command.ParameterSets | Where-Object {
                $inSet = @($_.Parameters.Name)
                -not ($specific | Where-Object { $_ -notin $inSet })
            }
            if (-not $fits) { "$name -$($specific -join ' -'): these parameters are in no parameter set together" }
        }
    }

    function Get-ModuleCall {
        # The module commands an example calls, and whether one of them ends a pipeline that starts with Import-Csv.
        param([string] $Code)
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $null)
        $pipelines = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.PipelineAst] }, $true)
        [pscustomobject]@{
            Commands = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() })
            CsvTo    = @(foreach ($pipeline in $pipelines) {
                    $names = @($pipeline.PipelineElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandAst] } | ForEach-Object { $_.GetCommandName() })
                    if ($names.Count -gt 1 -and $names[0] -eq 'Import-Csv') { $names | Select-Object -Skip 1 }
                })
        }
    }

    function Get-ExpectedPipelineInput {
        # 'ByValue' / 'ByPropertyName' flags of a parameter over all its sets, as Get-Help words them.
        param([System.Management.Automation.ParameterMetadata] $Parameter)
        $attributes = @($Parameter.ParameterSets.Values)
        [pscustomobject]@{
            ByValue        = [bool]($attributes | Where-Object ValueFromPipeline)
            ByPropertyName = [bool]($attributes | Where-Object ValueFromPipelineByPropertyName)
        }
    }
}

Describe 'Help of <Name>' -ForEach $CmdletCases {
    BeforeAll {
        $script:Command = Get-Command $Name -Module CometChat.PowerShell
        $script:Help = Get-Help $Name -Full
    }

    It 'has a synopsis of its own, not the generated syntax' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))(\s|$)" -Because 'without help, Get-Help shows the syntax as the synopsis'
    }

    It 'has a description' {
        Get-HelpText $Help.description | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $undescribed = foreach ($parameter in Get-VisibleParameter $Command) {
            $entry = Get-ParameterHelp $Help $parameter.Name
            if (-not $entry -or -not (Get-HelpText $entry.description).Trim()) { $parameter.Name }
        }
        $undescribed | Should -BeNullOrEmpty -Because 'every parameter needs a description'
    }

    It 'documents only parameters the cmdlet has, with their real type, sets, position, pipeline input and aliases' {
        $problems = foreach ($entry in @($Help.parameters.parameter) | Where-Object { $_ }) {
            $parameter = $Command.Parameters[$entry.name]
            if (-not $parameter) { "-$($entry.name) is documented but does not exist"; continue }
            if (Test-DontShow $parameter) { "-$($entry.name) is hidden and should not be documented"; continue }
            $type = $parameter.ParameterType
            if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type = $type.GetGenericArguments()[0] }
            if ($entry.type.name -ne $type.Name) { "-$($entry.name): type '$($entry.type.name)', but it is $($type.Name)" }
            $attributes = @($parameter.ParameterSets.Values)
            $required = [bool]($attributes | Where-Object IsMandatory)
            if ($entry.required -ne $required.ToString().ToLowerInvariant()) { "-$($entry.name): required '$($entry.required)', but it is $required" }
            $positions = @($attributes | Where-Object Position -GE 0 | ForEach-Object Position | Sort-Object -Unique)
            $position = if ($positions.Count) { [string]$positions[0] } else { 'named' }
            if ($entry.position -ne $position) { "-$($entry.name): position '$($entry.position)', but it is $position" }
            $pipeline = Get-ExpectedPipelineInput $parameter
            if (($entry.pipelineInput -match 'ByValue') -ne $pipeline.ByValue -or ($entry.pipelineInput -match 'ByPropertyName') -ne $pipeline.ByPropertyName) {
                "-$($entry.name): pipeline input '$($entry.pipelineInput)', but ByValue=$($pipeline.ByValue) ByPropertyName=$($pipeline.ByPropertyName)"
            }
            $documentedAliases = @($entry.aliases -split ',\s*' | Where-Object { $_ -and $_ -ne 'None' } | Sort-Object)
            $aliases = @($parameter.Aliases | Sort-Object)
            if (($documentedAliases -join ',') -ne ($aliases -join ',')) { "-$($entry.name): aliases '$($entry.aliases)', but they are '$($aliases -join ', ')'" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'shows one syntax per parameter set, with the parameters of that set' {
        $visible = @(Get-VisibleParameter $Command | ForEach-Object Name)
        $expected = @($Command.ParameterSets | ForEach-Object {
                (@($_.Parameters | Where-Object Name -In $visible | ForEach-Object Name | Sort-Object) -join ' ')
            } | Sort-Object)
        $documented = @(@($Help.syntax.syntaxItem) | ForEach-Object {
                (@($_.parameter | Where-Object { $_ } | ForEach-Object name | Sort-Object) -join ' ')
            } | Sort-Object)
        $documented | Should -Be $expected
    }

    It 'has at least two examples' {
        @($Help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'has examples that explain themselves and call <Name>' {
        foreach ($example in @($Help.examples.example)) {
            Get-HelpText $example.remarks | Should -Not -BeNullOrEmpty -Because "'$($example.title)' needs an explanation"
            (Get-ModuleCall $example.code).Commands | Should -Contain $Name -Because "'$($example.title)' should show $Name"
        }
    }

    It 'has examples that parse and call module cmdlets only with parameters they have' {
        $problems = foreach ($example in @($Help.examples.example)) {
            Get-ExampleProblem $example.code | ForEach-Object { "$($example.title.Trim(' -')): $_" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'has a CSV pipeline example, as it takes pipeline input by property name' -ForEach @($CsvCases | Where-Object Name -EQ $Name) {
        $csvTargets = @($Help.examples.example | ForEach-Object { (Get-ModuleCall $_.code).CsvTo })
        $csvTargets | Should -Contain $Name -Because 'an Import-Csv ... | <cmdlet> example shows the CSV conventions at work'
    }

    It 'lists inputs, outputs and related links' {
        @($Help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        @($Help.returnValues.returnValue).Count | Should -BeGreaterThan 0
        @($Help.relatedLinks.navigationLink.linkText) | Should -Contain 'about_CometChat'
    }

    It 'has an online version: its page in the project repository' {
        # Get-Help -Online opens the first related link with a URI.
        $projectUri = (Import-PowerShellDataFile $ModulePath).PrivateData.PSData.ProjectUri
        $online = @($Help.relatedLinks.navigationLink | Where-Object { $_.uri }) | Select-Object -First 1
        $online.uri | Should -Be "$projectUri/blob/main/docs/en-US/$Name.md"
        Join-Path $DocsFolder "$Name.md" | Should -Exist
    }
}

Describe 'Get-Help -Online' {
    It 'opens the page of the cmdlet' -Skip:(-not $IsLinux) {
        # PowerShell hands the URI to the system's opener (xdg-open on Linux); a stand-in records it.
        $bin = Join-Path $TestDrive 'bin'
        $opened = Join-Path $TestDrive 'opened.txt'
        $null = New-Item -ItemType Directory $bin
        Set-Content -Path (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`nprintf '%s' `"`$1`" > '$opened'"
        chmod +x (Join-Path $bin 'xdg-open')
        $path = $env:PATH
        try {
            $env:PATH = "$bin$([IO.Path]::PathSeparator)$path"
            Get-Help Get-CometChatUser -Online
        }
        finally { $env:PATH = $path }
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Test-Path $opened) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Get-Content -Raw $opened | Should -BeLike 'https://*/docs/en-US/Get-CometChatUser.md'
    }
}

Describe 'The markdown help' {
    It 'has a file for every exported cmdlet, and none for a cmdlet that does not exist' {
        $documented = @(Get-ChildItem $DocsFolder -Filter *.md | Where-Object BaseName -NotLike 'about_*' | ForEach-Object BaseName | Sort-Object)
        $exported = @((Import-PowerShellDataFile $ModulePath).CmdletsToExport | Sort-Object)
        $documented | Should -Be $exported
    }

    It 'links only to topics that exist' {
        $topics = @(Get-ChildItem $DocsFolder -Filter *.md | ForEach-Object BaseName)
        $broken = foreach ($file in Get-ChildItem $DocsFolder -Filter *.md) {
            foreach ($match in [regex]::Matches((Get-Content -Raw $file.FullName), '\]\(([^)#]+)\.md\)')) {
                if ($match.Groups[1].Value -notin $topics) { "$($file.Name) -> $($match.Groups[1].Value).md" }
            }
        }
        $broken | Should -BeNullOrEmpty
    }
}

Describe 'about_CometChat' {
    BeforeAll {
        $script:About = Get-Help about_CometChat | Out-String
    }

    It 'is found by Get-Help' {
        $About | Should -Match 'TOPIC\s+about_CometChat'
        $About | Should -Match 'SHORT DESCRIPTION'
        $About | Should -Match 'LONG DESCRIPTION'
    }

    # Patterns are regular expressions; \s+ because the text is wrapped.
    It 'covers <Topic>' -ForEach @(
        @{ Topic = 'connecting to an app'; Pattern = 'Connect-CometChat\s+-AppId' }
        @{ Topic = 'connecting by URI'; Pattern = '-BaseUri' }
        @{ Topic = 'the environment variables'; Pattern = 'COMETCHAT_APP_ID[\s\S]*COMETCHAT_REGION[\s\S]*COMETCHAT_API_KEY|COMETCHAT_API_KEY[\s\S]*COMETCHAT_APP_ID[\s\S]*COMETCHAT_REGION' }
        @{ Topic = 'COMETCHAT_BASE_URI'; Pattern = 'COMETCHAT_BASE_URI' }
        @{ Topic = 'the emulator data path'; Pattern = '-DataPath' }
        @{ Topic = 'the emulator admin surface'; Pattern = '/_emulator/reset' }
        @{ Topic = 'CSV tags'; Pattern = 'engineering;founders' }
        @{ Topic = 'CSV metadata'; Pattern = 'JSON\s+object' }
        @{ Topic = 'the error model'; Pattern = 'FullyQualifiedErrorId[\s\S]*TargetObject' }
        @{ Topic = 'rate limits'; Pattern = '10,000[\s\S]*20,000' }
        @{ Topic = 'Retry-After'; Pattern = 'Retry-After' }
        @{ Topic = 'the connection settings'; Pattern = '-CoreRequestsPerMinute[\s\S]*-MaxRetryCount' }
        @{ Topic = 'bulk runs'; Pattern = '-ThrottleLimit[\s\S]*-IfExists\s+Skip' }
        @{ Topic = 'the summary'; Pattern = 'LastOperation' }
        @{ Topic = 'Pester tests with the emulator'; Pattern = 'BeforeAll[\s\S]*Start-CometChatEmulator' }
        @{ Topic = 'mocking'; Pattern = 'Mock\s+New-CometChatUser' }
    ) {
        $About | Should -Match $Pattern
    }

    It 'keeps the stars inside code: the redacted API key reads apikey: ***' {
        $About | Should -Match 'apikey:\s+\*\*\*'
    }

    It 'names every exported cmdlet' {
        $missing = (Import-PowerShellDataFile $ModulePath).CmdletsToExport | Where-Object { $About -notmatch "\b$_\b" }
        $missing | Should -BeNullOrEmpty
    }
}

Describe 'ConvertTo-MamlHelp.ps1' {
    BeforeAll {
        # A small valid cmdlet page; each case below breaks it in one way.
        $script:ValidPage = @'
---
external help file: Sample.dll-Help.xml
Module Name: Sample
---

# Get-Sample

## SYNOPSIS
Gets samples.

## SYNTAX

### __AllParameterSets
```
Get-Sample [-Id] <string> [<CommonParameters>]
```

## DESCRIPTION
Gets one sample.

## EXAMPLES

### Example 1: Get a sample
```powershell
Get-Sample -Id 1
```

Gets sample 1.

## PARAMETERS

### -Id
The sample's id.

```yaml
Type: String
Parameter Sets: (All)
Aliases: None

Required: True
Position: 0
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

## INPUTS

### None
Nothing.

## OUTPUTS

### System.String
A sample.

## NOTES

## RELATED LINKS

[about_Sample](about_Sample.md)
'@

        function Invoke-Converter {
            param([string] $Page, [string] $Name = 'Get-Sample')
            $source = Join-Path $TestDrive ([guid]::NewGuid())
            $null = New-Item -ItemType Directory $source
            Set-Content -Path (Join-Path $source "$Name.md") -Value $Page
            $destination = Join-Path $source 'out'
            & $Converter -Source $source -Destination $destination -ModuleName Sample 6>$null
            $destination
        }
    }

    It 'converts a valid page into MAML that names the command, its synopsis and its example' {
        $out = Invoke-Converter $ValidPage
        $xml = [xml](Get-Content -Raw (Join-Path $out 'Sample.dll-Help.xml'))
        $namespaces = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $namespaces.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $namespaces.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $namespaces.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $xml.SelectSingleNode('//command:details/command:name', $namespaces).InnerText | Should -Be 'Get-Sample'
        $xml.SelectSingleNode('//command:details/maml:description/maml:para', $namespaces).InnerText | Should -Be 'Gets samples.'
        $xml.SelectSingleNode('//command:syntaxItem/command:parameter/maml:name', $namespaces).InnerText | Should -Be 'Id'
        $xml.SelectSingleNode('//command:example/dev:code', $namespaces).InnerText | Should -Be 'Get-Sample -Id 1'
    }

    It 'keeps stars inside code spans, and takes bold markers off elsewhere' {
        $page = $ValidPage.Replace('Gets one sample.', 'Shows `apikey: ***` and **bold** text, then `The key *** does not exist.`')
        $out = Invoke-Converter $page
        $xml = [xml](Get-Content -Raw (Join-Path $out 'Sample.dll-Help.xml'))
        $xml.helpItems.command.description.para | Should -Be 'Shows apikey: *** and bold text, then The key *** does not exist.'
    }

    It 'writes the online version as the first related link, for Get-Help -Online' {
        $page = $ValidPage.Replace('Module Name: Sample', "Module Name: Sample`nonline version: https://example.com/docs/Get-Sample.md")
        $out = Invoke-Converter $page
        $xml = [xml](Get-Content -Raw (Join-Path $out 'Sample.dll-Help.xml'))
        $links = @($xml.helpItems.command.relatedLinks.navigationLink)
        $links[0].uri | Should -Be 'https://example.com/docs/Get-Sample.md'
        $links[1].linkText | Should -Be 'about_Sample'
    }

    It 'fails loudly on a page whose <Problem>' -ForEach @(
        @{ Problem = 'synopsis is empty'; Find = 'Gets samples.'; Replace = '' }
        @{ Problem = 'DESCRIPTION section is missing'; Find = "## DESCRIPTION`nGets one sample.`n"; Replace = '' }
        @{ Problem = 'sections are out of order'; Find = "## INPUTS`n`n### None`nNothing.`n`n## OUTPUTS"; Replace = "## OUTPUTS`n`n### None`nNothing.`n`n## INPUTS" }
        @{ Problem = 'section heading is unknown'; Find = '## NOTES'; Replace = '## REMARKS' }
        @{ Problem = 'title does not match the file name'; Find = '# Get-Sample'; Replace = '# Get-Other' }
        @{ Problem = 'code fence is not closed'; Find = "Accept wildcard characters: False`n``````"; Replace = 'Accept wildcard characters: False' }
        @{ Problem = 'example has no code'; Find = "``````powershell`nGet-Sample -Id 1`n``````"; Replace = '' }
        @{ Problem = 'example shows output but explains nothing'; Find = 'Gets sample 1.'; Replace = "``````output`nsample 1`n``````" }
        @{ Problem = 'parameter has no yaml block'; Find = "``````yaml"; Replace = '```text' }
        @{ Problem = 'yaml has a malformed line'; Find = 'Type: String'; Replace = 'Type String' }
        @{ Problem = 'yaml lacks a key'; Find = "Position: 0`n"; Replace = '' }
        @{ Problem = 'syntax names a parameter that is not described'; Find = '[-Id] <string>'; Replace = '[-Id] <string> [-Name <string>]' }
        @{ Problem = 'parameter has no description'; Find = "The sample's id."; Replace = '' }
        @{ Problem = 'text still holds a placeholder'; Find = 'Gets one sample.'; Replace = '{{ Fill in the Description }}' }
        @{ Problem = 'front matter names another module'; Find = 'Module Name: Sample'; Replace = 'Module Name: Other' }
        @{ Problem = 'online version is not a URI'; Find = 'Module Name: Sample'; Replace = "Module Name: Sample`nonline version: Get-Sample.md" }
    ) {
        $page = $ValidPage.Replace("`r`n", "`n")
        $page.Contains($Find) | Should -BeTrue -Because 'the case must change the page'
        $page = $page.Replace($Find, $Replace)
        { Invoke-Converter $page } | Should -Throw -ExpectedMessage 'Malformed help markdown*'
    }

    It 'writes an about topic''s table in aligned columns, wrapping the last one to fit the console' {
        $long = 'a cell long enough that it has to be wrapped onto further lines to stay within the width of the console'
        $page = "# about_Sample`n`n## SHORT DESCRIPTION`nSample.`n`n## LONG DESCRIPTION`n| Method | Cmdlet |`n|---|---|`n| ``getUser(uid)`` | Get-Sample -Id |`n| **longerMethod()** | $long |"
        $out = Invoke-Converter $page -Name about_Sample
        $lines = @(Get-Content (Join-Path $out 'about_Sample.help.txt'))
        $lines | Should -Contain '    Method          Cmdlet'
        $lines | Should -Contain '    getUser(uid)    Get-Sample -Id'
        @($lines | Where-Object { $_ -match '^ {4}-{14}  -+$' }) | Should -HaveCount 1
        @($lines | Where-Object { $_ -like '    longerMethod()  a cell long*' }) | Should -HaveCount 1
        @($lines | Where-Object Length -GT 80) | Should -BeNullOrEmpty
        @($lines | Where-Object { $_ -match '^ {20}\S' }) | Should -Not -BeNullOrEmpty -Because 'the long cell goes on under its column'
    }

    It 'fails loudly on an about topic without a SHORT DESCRIPTION' {
        { Invoke-Converter "# about_Sample`n`n## LONG DESCRIPTION`nText." -Name about_Sample } | Should -Throw -ExpectedMessage 'Malformed help markdown*'
    }

    It 'exits non-zero when run as a script on a malformed page' {
        $source = Join-Path $TestDrive 'broken'
        $null = New-Item -ItemType Directory $source
        Set-Content -Path (Join-Path $source 'Get-Sample.md') -Value $ValidPage.Replace('## SYNOPSIS', '## SYNOPSYS')
        # A new PowerShell process, as build.ps1 runs it; when PowerShell runs on the dotnet host (a dotnet tool),
        # start the same pwsh.dll through it.
        $host_ = [Environment]::ProcessPath
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $Converter, '-Source', $source, '-Destination', (Join-Path $source 'out'), '-ModuleName', 'Sample')
        if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { $arguments = @((Join-Path $PSHOME 'pwsh.dll')) + $arguments }
        & $host_ @arguments 2>&1 | Out-Null
        $LASTEXITCODE | Should -Not -Be 0
        Test-Path (Join-Path $source 'out/Sample.dll-Help.xml') | Should -BeFalse
    }
}
