<#
.SYNOPSIS
    Converts the module's markdown help (platyPS layout) into the files Get-Help reads.
.DESCRIPTION
    Reads every *.md file in -Source:
      <Cmdlet-Name>.md    a cmdlet's help, in the platyPS markdown layout; all of them go into the MAML file named by
                          their front matter ("external help file", e.g. CometChat.PowerShell.dll-Help.xml).
      about_<Topic>.md    an about topic, written as about_<Topic>.help.txt in the classic plain-text layout.
    Writes the results into -Destination (created if missing).

    platyPS is not used: it is not available to the build. This script knows only the subset of markdown the help
    uses (paragraphs, "- " lists, fenced code blocks, tables, inline code, bold and links) and refuses anything it
    does not understand: a malformed file stops the conversion with an error naming the file and line, rather than
    producing help that is silently empty.
.EXAMPLE
    ./tools/ConvertTo-MamlHelp.ps1 -Source docs/en-US -Destination output/CometChat.PowerShell/0.1.0/en-US -ModuleName CometChat.PowerShell
#>
[CmdletBinding()]
param(
    # Folder of the markdown files.
    [Parameter(Mandatory)][string] $Source,
    # Folder to write the MAML and about_*.help.txt files into.
    [Parameter(Mandatory)][string] $Destination,
    # The module the help belongs to; every cmdlet file's "Module Name" must say so.
    [Parameter(Mandatory)][string] $ModuleName
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The sections of a cmdlet file, in the order platyPS writes them. All are required, so a missing or misspelt
# heading is an error rather than a section that quietly disappears from Get-Help.
$script:CommandSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'

# The keys of a parameter's yaml block. "Accepted values" is optional (ValidateSet and enum parameters).
$script:ParameterKeys = 'Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters'
$script:OptionalParameterKeys = @('Accepted values')

# Help text is hard-wrapped at this width: Get-Help prints paragraphs as they are (indented by up to 8 columns), so
# wrapping here keeps the output readable on an 80-column console instead of breaking words at the edge.
$script:WrapWidth = 70

$script:Namespaces = [ordered]@{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

#region Reading markdown

function Stop-Conversion {
    # Every problem found in a markdown file ends here: one message naming the file and line, and a terminating error
    # (so build.ps1 and a plain `pwsh -File` both exit non-zero).
    param([string] $Path, [int] $Line, [string] $Message)
    $where = if ($Line -gt 0) { "${Path}:$Line" } else { $Path }
    throw "Malformed help markdown ${where}: $Message"
}

function Read-MarkdownFile {
    # The file as numbered lines, with its YAML front matter (between the first two '---' lines) split off.
    param([string] $Path)
    $text = [IO.File]::ReadAllText($Path)
    $all = $text -split "\r?\n"
    $lines = [Collections.Generic.List[object]]::new()
    $front = [ordered]@{}
    $start = 0
    if ($all.Count -gt 0 -and $all[0] -eq '---') {
        $end = [Array]::IndexOf($all, '---', 1)
        if ($end -lt 0) { Stop-Conversion $Path 1 'the front matter (---) is not closed.' }
        for ($i = 1; $i -lt $end; $i++) {
            if ($all[$i] -match '^\s*$') { continue }
            if ($all[$i] -notmatch '^([A-Za-z][\w ]*):\s*(.*)$') { Stop-Conversion $Path ($i + 1) "front matter line '$($all[$i])' is not 'key: value'." }
            $front[$Matches[1]] = $Matches[2].Trim()
        }
        $start = $end + 1
    }
    # An unclosed code fence would swallow the rest of the file, headings included; name it here instead of
    # reporting the sections it hides as missing.
    $openFence = 0
    for ($i = $start; $i -lt $all.Count; $i++) {
        $lines.Add([pscustomobject]@{ Number = $i + 1; Text = $all[$i].TrimEnd() })
        if ($all[$i] -match '^```') { $openFence = if ($openFence) { 0 } else { $i + 1 } }
    }
    if ($openFence) { Stop-Conversion $Path $openFence 'the code block opened here is not closed (```).' }
    if ($text -match '\{\{') { Stop-Conversion $Path 0 'it still holds a {{ placeholder }}.' }
    [pscustomobject]@{ Path = $Path; FrontMatter = $front; Lines = $lines }
}

function Split-Section {
    # Splits lines at headings of one level ('## ', '### '), ignoring headings inside code fences. Lines before the
    # first heading are returned as a section with an empty heading.
    param([object[]] $Lines, [int] $Level)
    $prefix = ('#' * $Level) + ' '
    $sections = [Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Heading = ''; Line = 0; Lines = [Collections.Generic.List[object]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line.Text -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.Text.StartsWith($prefix)) {
            $sections.Add($current)
            $current = [pscustomobject]@{ Heading = $line.Text.Substring($prefix.Length).Trim(); Line = $line.Number; Lines = [Collections.Generic.List[object]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $sections.Add($current)
    $sections
}

function ConvertTo-Block {
    # Groups lines into blocks: Paragraph (lines joined), List (one item per '- ' line, continuation lines joined),
    # Code (a fenced block, verbatim, with its language) and Table ('|' lines, verbatim).
    param([object[]] $Lines, [string] $Path)
    $blocks = [Collections.Generic.List[object]]::new()
    $i = 0
    while ($i -lt $Lines.Count) {
        $line = $Lines[$i]
        if ($line.Text -match '^\s*$') { $i++; continue }
        if ($line.Text -match '^```\s*(\S*)\s*$') {
            $language = $Matches[1]
            $code = [Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $Lines.Count -and $Lines[$i].Text -notmatch '^```\s*$') { $code.Add($Lines[$i].Text); $i++ }
            if ($i -ge $Lines.Count) { Stop-Conversion $Path $line.Number 'the code block is not closed (```).' }
            $i++
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Language = $language; Text = ($code -join "`n"); Line = $line.Number })
            continue
        }
        if ($line.Text -match '^#') { Stop-Conversion $Path $line.Number "unexpected heading '$($line.Text)' here." }
        if ($line.Text -match '^\s*\|') {
            $rows = [Collections.Generic.List[string]]::new()
            while ($i -lt $Lines.Count -and $Lines[$i].Text -match '^\s*\|') { $rows.Add($Lines[$i].Text.Trim()); $i++ }
            $blocks.Add([pscustomobject]@{ Kind = 'Table'; Text = ($rows -join "`n"); Line = $line.Number })
            continue
        }
        if ($line.Text -match '^\s*[-*] ') {
            $items = [Collections.Generic.List[string]]::new()
            while ($i -lt $Lines.Count -and $Lines[$i].Text -notmatch '^\s*$' -and $Lines[$i].Text -notmatch '^```') {
                if ($Lines[$i].Text -match '^\s*[-*] (.*)$') { $items.Add($Matches[1].Trim()) }
                else { $items[$items.Count - 1] += ' ' + $Lines[$i].Text.Trim() }
                $i++
            }
            $blocks.Add([pscustomobject]@{ Kind = 'List'; Items = $items; Line = $line.Number })
            continue
        }
        # A paragraph runs to a blank line, a fence, a list item or a table row; its first line is always taken, so
        # a line such as '-ThrottleLimit 4 ...' (a dash without a space) is text, not a list.
        $paragraph = [Collections.Generic.List[string]]::new()
        do {
            if ($Lines[$i].Text -match '^#') { Stop-Conversion $Path $Lines[$i].Number "unexpected heading '$($Lines[$i].Text)' here." }
            $paragraph.Add($Lines[$i].Text.Trim()); $i++
        } while ($i -lt $Lines.Count -and $Lines[$i].Text -notmatch '^\s*$|^```|^\s*[-*] |^\s*\|')
        $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Text = ($paragraph -join ' '); Line = $line.Number })
    }
    $blocks
}

function ConvertFrom-InlineMarkdown {
    # Plain text for Get-Help: `code` loses its backticks, **bold** its stars, [text](link) keeps the text; \ escapes
    # go. Code spans are set aside first and kept verbatim, so that stars inside them (`apikey: ***`) are never taken
    # for bold markers; bold needs text right inside its stars, as in markdown.
    param([string] $Text)
    $parts = foreach ($part in [regex]::Split($Text, '(`[^`]+`)')) {
        if ($part -match '^`([^`]+)`$') { $Matches[1]; continue }
        $part = $part -replace '\[([^\]]+)\]\([^)]*\)', '$1'
        $part = $part -replace '\*\*(?=\S)([^*]+?)(?<=\S)\*\*', '$1'
        $part -replace '\\([\\`*_<>\[\]|])', '$1'
    }
    -join $parts
}

function Format-Wrapped {
    # Word-wraps text to $WrapWidth; later lines start with $Hanging (a list item's continuation).
    param([string] $Text, [string] $Hanging = '', [int] $Width = $script:WrapWidth)
    $lines = [Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        $prefix = if ($lines.Count -eq 0) { '' } else { $Hanging }
        if ($line -and ($prefix.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($prefix + $line)
            $line = $word
        }
        else {
            $line = if ($line) { "$line $word" } else { $word }
        }
    }
    if ($line) { $lines.Add($(if ($lines.Count -eq 0) { '' } else { $Hanging }) + $line) }
    $lines -join "`n"
}

function Format-MarkdownTable {
    # A markdown table as plain text: aligned columns, a line of dashes under the headings, inline markdown removed,
    # and the last column wrapped, so that a wide table still fits the console instead of breaking at its edge.
    param([string] $Text, [int] $Width = $script:WrapWidth)
    $rows = [Collections.Generic.List[object]]::new()
    foreach ($line in $Text -split "`n") {
        $cells = @(($line.Trim() -replace '^\|', '' -replace '(?<!\\)\|$', '') -split '(?<!\\)\|' | ForEach-Object { ConvertFrom-InlineMarkdown $_.Trim() })
        # The separator row (|---|---|) only says where the headings end.
        if (-not ($cells | Where-Object { $_ -notmatch '^:?-+:?$' })) { continue }
        $rows.Add($cells)
    }
    $columns = ($rows | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = foreach ($column in 0..($columns - 2)) { ($rows | ForEach-Object { if ($column -lt $_.Count) { $_[$column].Length } else { 0 } } | Measure-Object -Maximum).Maximum }
    $indent = ($widths | Measure-Object -Sum).Sum + 2 * ($columns - 1)
    $last = [Math]::Max(20, $Width - $indent)
    $lines = [Collections.Generic.List[string]]::new()
    for ($r = 0; $r -lt $rows.Count; $r++) {
        $cells = $rows[$r]
        $lead = -join (0..($columns - 2) | ForEach-Object { $(if ($_ -lt $cells.Count) { $cells[$_] } else { '' }).PadRight($widths[$_] + 2) })
        $text = if ($cells.Count -ge $columns) { $cells[$columns - 1] } else { '' }
        $wrapped = @((Format-Wrapped $text -Width $last) -split "`n")
        $lines.Add(($lead + $wrapped[0]).TrimEnd())
        foreach ($more in $wrapped | Select-Object -Skip 1) { $lines.Add((' ' * $indent) + $more) }
        if ($r -eq 0) {
            $lines.Add((-join ($widths | ForEach-Object { ('-' * $_).PadRight($_ + 2) })) + ('-' * [Math]::Min($last, ($rows | ForEach-Object { $_[$columns - 1].Length } | Measure-Object -Maximum).Maximum)))
        }
    }
    $lines -join "`n"
}

function ConvertTo-Paragraph {
    # The text paragraphs of a section, as Get-Help will print them: prose wrapped, lists one paragraph per item,
    # code and tables verbatim.
    param([object[]] $Blocks)
    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Paragraph' { Format-Wrapped (ConvertFrom-InlineMarkdown $block.Text) }
            'List' { foreach ($item in $block.Items) { Format-Wrapped ('- ' + (ConvertFrom-InlineMarkdown $item)) -Hanging '  ' } }
            default { $block.Text }
        }
    }
}

#endregion

#region Cmdlet help

function Get-RequiredSection {
    # The named level-2 section; every cmdlet file must have all of $CommandSections, in order, and nothing else.
    param($Sections, [string] $Name)
    $Sections | Where-Object Heading -EQ $Name | Select-Object -First 1
}

function Assert-SectionOrder {
    param($File, $Sections)
    $headings = @($Sections | Select-Object -Skip 1 | ForEach-Object Heading)
    foreach ($heading in $headings) {
        if ($heading -notin $script:CommandSections) {
            $line = ($Sections | Where-Object Heading -EQ $heading | Select-Object -First 1).Line
            Stop-Conversion $File.Path $line "unknown section '## $heading' (expected: $($script:CommandSections -join ', '))."
        }
    }
    $missing = @($script:CommandSections | Where-Object { $_ -notin $headings })
    if ($missing) { Stop-Conversion $File.Path 0 "missing section(s): $($missing -join ', ')." }
    if (($headings -join '|') -ne ($script:CommandSections -join '|')) {
        Stop-Conversion $File.Path 0 "sections must appear once each, in this order: $($script:CommandSections -join ', ')."
    }
}

function Read-ParameterYaml {
    # The 'key: value' lines of a parameter's yaml block, checked against the keys platyPS writes.
    param($Block, [string] $Path, [string] $Name)
    $values = [ordered]@{}
    foreach ($line in $Block.Text -split "`n") {
        if ($line -match '^\s*$') { continue }
        if ($line -notmatch '^([A-Za-z ]+):\s*(.*)$') { Stop-Conversion $Path $Block.Line "parameter -${Name}: yaml line '$line' is not 'Key: value'." }
        $key = $Matches[1].Trim()
        if ($key -notin ($script:ParameterKeys + $script:OptionalParameterKeys)) { Stop-Conversion $Path $Block.Line "parameter -${Name}: unknown yaml key '$key'." }
        $values[$key] = $Matches[2].Trim()
    }
    foreach ($key in $script:ParameterKeys) {
        if (-not $values.Contains($key) -or -not $values[$key]) { Stop-Conversion $Path $Block.Line "parameter -${Name}: yaml key '$key' is missing or empty." }
    }
    if ($values['Required'] -notin 'True', 'False') { Stop-Conversion $Path $Block.Line "parameter -${Name}: Required must be True or False." }
    if ($values['Position'] -notmatch '^(Named|\d+)$') { Stop-Conversion $Path $Block.Line "parameter -${Name}: Position must be Named or a number." }
    if ($values['Accept pipeline input'] -notmatch '^(False|True \((ByValue|ByPropertyName|ByPropertyName, ByValue|ByValue, ByPropertyName)\))$') {
        Stop-Conversion $Path $Block.Line "parameter -${Name}: 'Accept pipeline input' must be False or True (ByValue / ByPropertyName / ByPropertyName, ByValue)."
    }
    $values
}

function Read-Parameter {
    # '### -Name' sections: description paragraphs, then exactly one yaml block.
    param($Section, [string] $Path)
    $parameters = [Collections.Generic.List[object]]::new()
    foreach ($sub in (Split-Section $Section.Lines 3)) {
        if (-not $sub.Heading) {
            if (@(ConvertTo-Block $sub.Lines $Path).Count) { Stop-Conversion $Path $Section.Line 'text before the first parameter heading.' }
            continue
        }
        # Get-Help describes the common parameters itself; platyPS writes this heading, and it is accepted and skipped.
        if ($sub.Heading -eq 'CommonParameters') { continue }
        if ($sub.Heading -notmatch '^-([A-Za-z]\w*)$') { Stop-Conversion $Path $sub.Line "parameter heading '### $($sub.Heading)' must be '### -Name'." }
        $name = $Matches[1]
        $blocks = @(ConvertTo-Block $sub.Lines $Path)
        $yaml = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' })
        if ($yaml.Count -ne 1) { Stop-Conversion $Path $sub.Line "parameter -$name needs exactly one yaml block." }
        $description = @(ConvertTo-Paragraph @($blocks | Where-Object { -not [object]::ReferenceEquals($_, $yaml[0]) }))
        if (-not $description) { Stop-Conversion $Path $sub.Line "parameter -$name has no description." }
        if ($parameters | Where-Object Name -EQ $name) { Stop-Conversion $Path $sub.Line "parameter -$name is documented twice." }
        $parameters.Add([pscustomobject]@{ Name = $name; Description = $description; Yaml = (Read-ParameterYaml $yaml[0] $Path $name); Line = $sub.Line })
    }
    $parameters
}

function Read-Syntax {
    # '### SetName' sections (platyPS adds ' (Default)' to the default set), each with one code block holding the
    # syntax line. The parameter names in that line, in order, become the set's syntax item.
    param($Section, [string] $Path)
    $sets = [Collections.Generic.List[object]]::new()
    foreach ($sub in (Split-Section $Section.Lines 3)) {
        if (-not $sub.Heading) { continue }
        $name = ($sub.Heading -replace '\s*\(Default\)\s*$', '').Trim()
        $code = @(ConvertTo-Block $sub.Lines $Path | Where-Object Kind -EQ 'Code')
        if ($code.Count -ne 1) { Stop-Conversion $Path $sub.Line "syntax set '$name' needs exactly one code block." }
        $names = @([regex]::Matches($code[0].Text, '(?<=[\[\s])-([A-Za-z]\w*)') | ForEach-Object { $_.Groups[1].Value })
        $sets.Add([pscustomobject]@{ Name = $name; Parameters = $names; Line = $sub.Line })
    }
    if ($sets.Count -eq 0) { Stop-Conversion $Path $Section.Line 'SYNTAX has no ### parameter set with a code block.' }
    $sets
}

function Read-Example {
    # '### Example N: Title' sections: the first powershell code block is the example; the text and any further
    # blocks (sample output) are its remarks.
    param($Section, [string] $Path)
    $examples = [Collections.Generic.List[object]]::new()
    foreach ($sub in (Split-Section $Section.Lines 3)) {
        if (-not $sub.Heading) { continue }
        if ($sub.Heading -notmatch '^Example \d+: \S') { Stop-Conversion $Path $sub.Line "example heading '### $($sub.Heading)' must be '### Example N: Title'." }
        $blocks = @(ConvertTo-Block $sub.Lines $Path)
        $code = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'powershell' }) | Select-Object -First 1
        if (-not $code -or -not $code.Text.Trim()) { Stop-Conversion $Path $sub.Line "'$($sub.Heading)' has no powershell code block." }
        $rest = @($blocks | Where-Object { -not [object]::ReferenceEquals($_, $code) })
        # Sample output alone is not an explanation: an example needs a sentence saying what it does.
        if (-not ($rest | Where-Object Kind -In 'Paragraph', 'List')) { Stop-Conversion $Path $sub.Line "'$($sub.Heading)' does not explain its code." }
        $remarks = @(ConvertTo-Paragraph $rest)
        $examples.Add([pscustomobject]@{ Title = $sub.Heading; Code = $code.Text; Remarks = $remarks })
    }
    if ($examples.Count -eq 0) { Stop-Conversion $Path $Section.Line 'EXAMPLES has no example.' }
    $examples
}

function Read-TypeList {
    # INPUTS and OUTPUTS: '### TypeName' sections, each with a description.
    param($Section, [string] $Path)
    $types = [Collections.Generic.List[object]]::new()
    foreach ($sub in (Split-Section $Section.Lines 3)) {
        if (-not $sub.Heading) {
            if (@(ConvertTo-Block $sub.Lines $Path).Count) { Stop-Conversion $Path $Section.Line "$($Section.Heading): text before the first ### type heading." }
            continue
        }
        $description = @(ConvertTo-Paragraph (ConvertTo-Block $sub.Lines $Path))
        if (-not $description) { Stop-Conversion $Path $sub.Line "$($Section.Heading): type '$($sub.Heading)' has no description." }
        $types.Add([pscustomobject]@{ Name = $sub.Heading; Description = $description })
    }
    if ($types.Count -eq 0) { Stop-Conversion $Path $Section.Line "$($Section.Heading) names no type (use '### None' when there is none)." }
    $types
}

function Read-RelatedLink {
    # One '[text](uri)' per line (a leading '- ' is allowed). Links to other markdown files get an empty uri, as
    # platyPS does, so Get-Help shows their text as a topic name.
    param($Section, [string] $Path)
    foreach ($line in $Section.Lines) {
        if ($line.Text -match '^\s*$') { continue }
        if ($line.Text -notmatch '^\s*(?:- )?\[([^\]]+)\]\(([^)]*)\)\s*$') { Stop-Conversion $Path $line.Number "related link '$($line.Text)' is not [text](uri)." }
        $uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }
        [pscustomobject]@{ Text = $Matches[1]; Uri = $uri }
    }
}

function Read-CommandHelp {
    # The whole help of one cmdlet, checked; see $CommandSections for the layout.
    param($File)
    $path = $File.Path
    $name = [IO.Path]::GetFileNameWithoutExtension($path)
    foreach ($key in 'external help file', 'Module Name') {
        if (-not $File.FrontMatter.Contains($key) -or -not $File.FrontMatter[$key]) { Stop-Conversion $path 1 "front matter needs '${key}:'." }
    }
    if ($File.FrontMatter['Module Name'] -ne $ModuleName) { Stop-Conversion $path 1 "Module Name is '$($File.FrontMatter['Module Name'])', not '$ModuleName'." }
    # 'online version' is the page Get-Help -Online opens; platyPS leaves it empty when there is none.
    $online = if ($File.FrontMatter.Contains('online version')) { $File.FrontMatter['online version'] } else { '' }
    if ($online -and $online -notmatch '^https?://\S+$') { Stop-Conversion $path 1 "online version '$online' is not an http(s) URI." }

    $top = @(Split-Section $File.Lines 1)
    if ($top.Count -ne 2 -or $top[1].Heading -ne $name) { Stop-Conversion $path 0 "the file must have one '# $name' title, matching its file name." }
    if (@(ConvertTo-Block $top[0].Lines $path).Count) { Stop-Conversion $path $top[1].Line 'text before the title.' }
    $sections = @(Split-Section $top[1].Lines 2)
    if (@(ConvertTo-Block $sections[0].Lines $path).Count) { Stop-Conversion $path $top[1].Line 'text between the title and ## SYNOPSIS.' }
    Assert-SectionOrder $File $sections

    $synopsis = @(ConvertTo-Paragraph (ConvertTo-Block (Get-RequiredSection $sections 'SYNOPSIS').Lines $path))
    if (-not $synopsis) { Stop-Conversion $path (Get-RequiredSection $sections 'SYNOPSIS').Line 'SYNOPSIS is empty.' }
    $description = @(ConvertTo-Paragraph (ConvertTo-Block (Get-RequiredSection $sections 'DESCRIPTION').Lines $path))
    if (-not $description) { Stop-Conversion $path (Get-RequiredSection $sections 'DESCRIPTION').Line 'DESCRIPTION is empty.' }

    $parameters = @(Read-Parameter (Get-RequiredSection $sections 'PARAMETERS') $path)
    $syntax = @(Read-Syntax (Get-RequiredSection $sections 'SYNTAX') $path)
    Assert-SyntaxMatchesParameter $path $syntax $parameters

    $verb, $noun = $name -split '-', 2
    if (-not $noun) { Stop-Conversion $path 0 "'$name' is not a Verb-Noun cmdlet name." }
    [pscustomobject]@{
        Name         = $name
        Verb         = $verb
        Noun         = $noun
        HelpFile     = $File.FrontMatter['external help file']
        Online       = $online
        Synopsis     = $synopsis
        Description  = $description
        Syntax       = $syntax
        Parameters   = $parameters
        Examples     = @(Read-Example (Get-RequiredSection $sections 'EXAMPLES') $path)
        Inputs       = @(Read-TypeList (Get-RequiredSection $sections 'INPUTS') $path)
        Outputs      = @(Read-TypeList (Get-RequiredSection $sections 'OUTPUTS') $path)
        Notes        = @(ConvertTo-Paragraph (ConvertTo-Block (Get-RequiredSection $sections 'NOTES').Lines $path))
        RelatedLinks = @(Read-RelatedLink (Get-RequiredSection $sections 'RELATED LINKS') $path)
    }
}

function Test-InParameterSet {
    # Whether a parameter's yaml puts it in the named set.
    param($Parameter, [string] $SetName)
    $sets = $Parameter.Yaml['Parameter Sets']
    $sets -eq '(All)' -or ($sets -split ',\s*') -contains $SetName
}

function Assert-SyntaxMatchesParameter {
    # The syntax lines and the yaml blocks are written separately; make sure they agree, so Get-Help's SYNTAX and
    # PARAMETERS never contradict each other.
    param([string] $Path, $Syntax, $Parameters)
    $setNames = @($Syntax | ForEach-Object Name)
    foreach ($parameter in $Parameters) {
        $declared = $parameter.Yaml['Parameter Sets']
        if ($declared -ne '(All)') {
            foreach ($set in $declared -split ',\s*') {
                if ($set -notin $setNames) { Stop-Conversion $Path $parameter.Line "parameter -$($parameter.Name) names set '$set', which SYNTAX does not have." }
            }
        }
    }
    foreach ($set in $Syntax) {
        foreach ($name in $set.Parameters) {
            $parameter = $Parameters | Where-Object Name -EQ $name
            if (-not $parameter) { Stop-Conversion $Path $set.Line "syntax set '$($set.Name)' uses -$name, which PARAMETERS does not describe." }
            if (-not (Test-InParameterSet $parameter $set.Name)) {
                Stop-Conversion $Path $set.Line "syntax set '$($set.Name)' uses -$name, whose yaml does not list that set."
            }
        }
        foreach ($parameter in $Parameters) {
            if ((Test-InParameterSet $parameter $set.Name) -and $parameter.Name -notin $set.Parameters) {
                Stop-Conversion $Path $set.Line "syntax set '$($set.Name)' leaves out -$($parameter.Name)."
            }
        }
    }
}

#endregion

#region Writing MAML

function Write-Para {
    # <maml:para> per paragraph, inside an optional wrapper element.
    param([Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    foreach ($paragraph in $Paragraphs) {
        $Writer.WriteElementString('maml', 'para', $script:Namespaces.maml, $paragraph)
    }
}

function Write-Description {
    param([Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    $Writer.WriteStartElement('maml', 'description', $script:Namespaces.maml)
    Write-Para $Writer $Paragraphs
    $Writer.WriteEndElement()
}

function Write-Parameter {
    # One <command:parameter>, as platyPS writes it, for the syntax items and for the parameters list. The position
    # and requiredness come from the yaml; switches carry no parameterValue (Get-Help prints no <type> for them).
    param([Xml.XmlWriter] $Writer, $Parameter, [switch] $InSyntax)
    $yaml = $Parameter.Yaml
    $type = $yaml['Type']
    $isSwitch = $type -eq 'SwitchParameter'
    $Writer.WriteStartElement('command', 'parameter', $script:Namespaces.command)
    $Writer.WriteAttributeString('required', $yaml['Required'].ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $(if ($type.EndsWith('[]')) { 'true' } else { 'false' }))
    $Writer.WriteAttributeString('globbing', $yaml['Accept wildcard characters'].ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $yaml['Accept pipeline input'])
    $Writer.WriteAttributeString('position', $(if ($yaml['Position'] -eq 'Named') { 'named' } else { $yaml['Position'] }))
    $Writer.WriteAttributeString('aliases', $yaml['Aliases'])
    $Writer.WriteElementString('maml', 'name', $script:Namespaces.maml, $Parameter.Name)
    Write-Description $Writer $Parameter.Description
    if ($InSyntax -and $yaml.Contains('Accepted values')) {
        # Get-Help prints these as {A | B | C} in the syntax line.
        $Writer.WriteStartElement('command', 'parameterValueGroup', $script:Namespaces.command)
        foreach ($value in $yaml['Accepted values'] -split ',\s*') {
            $Writer.WriteStartElement('command', 'parameterValue', $script:Namespaces.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    elseif (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:Namespaces.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $script:Namespaces.dev)
    $Writer.WriteElementString('maml', 'name', $script:Namespaces.maml, $type)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $script:Namespaces.dev, $yaml['Default value'])
    $Writer.WriteEndElement()
}

function Write-TypeList {
    # <command:inputTypes>/<command:inputType> or <command:returnValues>/<command:returnValue>.
    param([Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Types)
    $Writer.WriteStartElement('command', $ListName, $script:Namespaces.command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement('command', $ItemName, $script:Namespaces.command)
        $Writer.WriteStartElement('dev', 'type', $script:Namespaces.dev)
        $Writer.WriteElementString('maml', 'name', $script:Namespaces.maml, $type.Name)
        $Writer.WriteEndElement()
        Write-Description $Writer $type.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command {
    # One <command:command>.
    param([Xml.XmlWriter] $Writer, $Help)
    $Writer.WriteStartElement('command', 'command', $script:Namespaces.command)
    foreach ($prefix in $script:Namespaces.Keys) {
        $Writer.WriteAttributeString('xmlns', $prefix, $null, $script:Namespaces[$prefix])
    }

    $Writer.WriteStartElement('command', 'details', $script:Namespaces.command)
    $Writer.WriteElementString('command', 'name', $script:Namespaces.command, $Help.Name)
    $Writer.WriteElementString('command', 'verb', $script:Namespaces.command, $Help.Verb)
    $Writer.WriteElementString('command', 'noun', $script:Namespaces.command, $Help.Noun)
    Write-Description $Writer $Help.Synopsis
    $Writer.WriteEndElement()

    Write-Description $Writer $Help.Description

    $Writer.WriteStartElement('command', 'syntax', $script:Namespaces.command)
    foreach ($set in $Help.Syntax) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:Namespaces.command)
        $Writer.WriteElementString('maml', 'name', $script:Namespaces.maml, $Help.Name)
        foreach ($name in $set.Parameters) {
            Write-Parameter $Writer ($Help.Parameters | Where-Object Name -EQ $name) -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $script:Namespaces.command)
    foreach ($parameter in $Help.Parameters) { Write-Parameter $Writer $parameter }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' $Help.Inputs
    Write-TypeList $Writer 'returnValues' 'returnValue' $Help.Outputs

    if ($Help.Notes) {
        $Writer.WriteStartElement('maml', 'alertSet', $script:Namespaces.maml)
        $Writer.WriteStartElement('maml', 'alert', $script:Namespaces.maml)
        Write-Para $Writer $Help.Notes
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $script:Namespaces.command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $script:Namespaces.command)
        # Dashes set examples apart in Get-Help's output, as platyPS frames them; fewer for long titles, so that the
        # line fits an 80-column console.
        $dashes = '-' * [Math]::Max(2, [Math]::Min(26, [int][Math]::Floor((76 - $example.Title.Length - 2) / 2)))
        $Writer.WriteElementString('maml', 'title', $script:Namespaces.maml, "$dashes $($example.Title) $dashes")
        $Writer.WriteElementString('dev', 'code', $script:Namespaces.dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $script:Namespaces.dev)
        Write-Para $Writer $example.Remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'relatedLinks', $script:Namespaces.maml)
    # As platyPS writes it: the online version first, since Get-Help -Online opens the first related link that
    # has a URI.
    $links = @(if ($Help.Online) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $Help.Online } }) + @($Help.RelatedLinks)
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:Namespaces.maml)
        $Writer.WriteElementString('maml', 'linkText', $script:Namespaces.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $script:Namespaces.maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlFile {
    # All commands of one help file into <helpItems schema="maml">.
    param([string] $Path, $Commands)
    $settings = [Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [Text.UTF8Encoding]::new($false) }
    $writer = [Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $Commands) { Write-Command $writer $command }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

#endregion

#region About topics

function ConvertTo-AboutText {
    # The classic about_ layout: level-2 headings in capitals at the margin, level-3 headings indented by two,
    # text indented by four and wrapped, code indented by eight, tables in aligned columns.
    param($File)
    $path = $File.Path
    $name = [IO.Path]::GetFileNameWithoutExtension($path)
    $top = @(Split-Section $File.Lines 1)
    if ($top.Count -ne 2 -or $top[1].Heading -ne $name) { Stop-Conversion $path 0 "the file must have one '# $name' title, matching its file name." }
    $sections = @(Split-Section $top[1].Lines 2)
    $headings = @($sections | Select-Object -Skip 1 | ForEach-Object Heading)
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if ($required -notin $headings) { Stop-Conversion $path 0 "missing section '## $required'." }
    }
    if ($headings[0] -ne 'SHORT DESCRIPTION') { Stop-Conversion $path 0 'the first section must be ## SHORT DESCRIPTION.' }

    $out = [Text.StringBuilder]::new()
    [void]$out.AppendLine('TOPIC').AppendLine("    $name").AppendLine()
    foreach ($section in $sections | Select-Object -Skip 1) {
        [void]$out.AppendLine($section.Heading.ToUpperInvariant())
        foreach ($sub in (Split-Section $section.Lines 3)) {
            if ($sub.Heading) { [void]$out.AppendLine("  $(ConvertFrom-InlineMarkdown $sub.Heading)").AppendLine() }
            $blocks = @(ConvertTo-Block $sub.Lines $path)
            foreach ($block in $blocks) {
                $text = switch ($block.Kind) {
                    'Paragraph' { Format-Wrapped (ConvertFrom-InlineMarkdown $block.Text) -Width ($script:WrapWidth + 4) }
                    'List' { ($block.Items | ForEach-Object { Format-Wrapped ('- ' + (ConvertFrom-InlineMarkdown $_)) -Hanging '  ' -Width ($script:WrapWidth + 4) }) -join "`n" }
                    'Code' { ($block.Text -split "`n" | ForEach-Object { if ($_) { "    $_" } else { '' } }) -join "`n" }
                    'Table' { Format-MarkdownTable $block.Text -Width ($script:WrapWidth + 4) }
                }
                foreach ($line in $text -split "`n") { [void]$out.AppendLine($(if ($line) { "    $line" } else { '' })) }
                [void]$out.AppendLine()
            }
            if ($sub.Heading -and -not $blocks) { Stop-Conversion $path $sub.Line "section '### $($sub.Heading)' is empty." }
        }
        if (-not ($section.Lines | Where-Object { $_.Text -notmatch '^\s*$' })) { Stop-Conversion $path $section.Line "section '## $($section.Heading)' is empty." }
    }
    $out.ToString().TrimEnd() + [Environment]::NewLine
}

#endregion

$files = @(Get-ChildItem -LiteralPath $Source -Filter *.md -File | Sort-Object Name)
if ($files.Count -eq 0) { throw "No markdown help in '$Source'." }
$null = New-Item -ItemType Directory -Force -Path $Destination

$commands = [Collections.Generic.List[object]]::new()
foreach ($file in $files) {
    $markdown = Read-MarkdownFile $file.FullName
    if ($file.BaseName -like 'about_*') {
        $target = Join-Path $Destination "$($file.BaseName).help.txt"
        [IO.File]::WriteAllText($target, (ConvertTo-AboutText $markdown), [Text.UTF8Encoding]::new($false))
        Write-Verbose "Wrote $target"
    }
    else {
        $commands.Add((Read-CommandHelp $markdown))
    }
}

foreach ($group in $commands | Group-Object HelpFile) {
    $target = Join-Path $Destination $group.Name
    Write-MamlFile $target $group.Group
    Write-Verbose "Wrote $target ($($group.Count) commands)"
}
Write-Host "Help: $($commands.Count) cmdlets and $(@($files | Where-Object BaseName -Like 'about_*').Count) about topic(s) written to $Destination"
