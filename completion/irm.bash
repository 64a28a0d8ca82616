# bash completion for irm-case, irm-fetch, irm-gen, irm-norm, irm-report
# and irm-score.                                        -*- shell-script -*-
#
# The options come from the tool itself, at completion time: the first
# TAB after a tool's name (or an irm-case command's) runs `TOOL --help`
# (`irm-case COMMAND --help`) and keeps its option table for the rest of
# the shell's life, so the completion always matches the binary on PATH.
# An option's argument is completed from its name in that table: file,
# keyfile, settings and policy as files, dir and store as directories,
# a|b|c as those words, a level as low, medium or high, another
# argument as the words its description lists ("write jsonl, csv ... or
# ocsf"), zone as the time zones; irm-gen -c from `irm-gen -l`, irm-case
# --status from the statuses of irm-case(1).  Operands: irm-case's commands, irm-fetch's
# modes, resolve's benign|violation, otherwise files (irm-gen: its
# directory).
#
# make install puts it in $(PREFIX)/share/bash-completion/completions/
# once per tool, where bash-completion loads it on the first TAB (for a
# PREFIX other than /usr/local or /usr, add PREFIX/share to XDG_DATA_DIRS
# or source this file from ~/.bashrc).  Needs bash 4.2 or later.

declare -gA _irm_help_cache

# _irm_table TOOL [COMMAND]: print the option table, one option a line:
# its names separated by spaces, a US (octal 037), the argument (or
# nothing), a US, the description.  The table follows the synopsis and
# its blank line.
_irm_table() {
	local key="$*" line spec desc names arg w
	if [[ -z ${_irm_help_cache[$key]+set} ]]; then
		local out
		out=$(command "$@" --help 2>/dev/null | sed '1,/^$/d' |
		    while IFS= read -r line; do
			[[ $line =~ ^\ +(-[^ ].*) ]] || continue
			line=${BASH_REMATCH[1]}
			spec=${line%%  *}
			desc=${line#"$spec"}
			desc=${desc#"${desc%%[! ]*}"}
			names= arg=
			for w in ${spec//,/ }; do
				if [[ $w == -* ]]; then names+="$w "; else arg=$w; fi
			done
			printf '%s\037%s\037%s\n' "${names% }" "$arg" "$desc"
		done)
		_irm_help_cache[$key]=$out
	fi
	printf '%s\n' "${_irm_help_cache[$key]}"
}

# _irm_words DESCRIPTION: the words of a list "a, b, c or d" in it.
_irm_words() {
	local d=${1%% (default*}
	if [[ $d =~ ([A-Za-z0-9_-]+(, [A-Za-z0-9_-]+)*,? or [A-Za-z0-9_-]+) ]]; then
		d=${BASH_REMATCH[1]}
		d=${d//,/ }
		d=${d// or / }
		printf '%s\n' $d
	fi
}

# _irm_arg TOOL COMMAND OPTION CUR: complete the argument of OPTION.
_irm_arg() {
	local tool=$1 cmd=$2 opt=$3 cur=$4 names arg desc n
	while IFS=$'\037' read -r names arg desc; do
		for n in $names; do
			[[ $n == "$opt" ]] || continue
			case $arg in
			file | keyfile | settings | policy)
				compopt -o filenames 2>/dev/null
				mapfile -t COMPREPLY < <(compgen -f -- "$cur")
				;;
			dir | store)
				compopt -o filenames 2>/dev/null
				mapfile -t COMPREPLY < <(compgen -d -- "$cur")
				;;
			*'|'*)
				mapfile -t COMPREPLY < <(compgen -W "${arg//|/ }" -- "$cur")
				;;
			zone)
				local z=/usr/share/zoneinfo
				mapfile -t COMPREPLY < <(compgen -f -- "$z/$cur" |
				    sed "s|^$z/||")
				;;
			'scenario[=n]')
				mapfile -t COMPREPLY < <(compgen -W \
				    "$(command "$tool" -l 2>/dev/null | cut -d ' ' -f 1)" \
				    -- "$cur")
				;;
			level)
				mapfile -t COMPREPLY < <(compgen -W "low medium high" \
				    -- "$cur")
				;;
			status)
				mapfile -t COMPREPLY < <(compgen -W \
				    "needs_review confirmed dismissed resolved active" \
				    -- "$cur")
				;;
			*)
				mapfile -t COMPREPLY < <(compgen -W \
				    "$(_irm_words "$desc")" -- "$cur")
				;;
			esac
			return 0
		done
	done < <(_irm_table "$tool" ${cmd:+"$cmd"})
	return 1
}

# _irm_takes TOOL COMMAND OPTION: does OPTION take an argument?
_irm_takes() {
	local names arg desc n
	while IFS=$'\037' read -r names arg desc; do
		for n in $names; do
			[[ $n == "$3" && -n $arg ]] && return 0
		done
	done < <(_irm_table "$1" ${2:+"$2"})
	return 1
}

_irm() {
	local tool=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
	local name=${tool##*/} cmd= i w prev operands=0 optarg=
	COMPREPLY=()

	# Walk the words before the cursor: the irm-case command, the
	# operands so far, whether the last word wants an argument.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -n $optarg ]]; then
			optarg=
			[[ $w == = ]] && optarg=1
			continue
		fi
		case $w in
		--) ;;
		--*=*) ;;
		-*)
			_irm_takes "$tool" "$cmd" "$w" && optarg=1
			# -ovalue and clustered flags take nothing more.
			[[ $w != --* && ${#w} -gt 2 ]] && optarg=
			;;
		*)
			if [[ $name == irm-case && -z $cmd ]]; then
				cmd=$w
			else
				operands=$((operands + 1))
			fi
			;;
		esac
	done

	# --opt=value, and --opt = value as readline splits it.
	if [[ $cur == --*=* ]]; then
		_irm_arg "$tool" "$cmd" "${cur%%=*}" "${cur#*=}"
		return 0
	fi
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	if [[ $prev == = && COMP_CWORD -ge 2 ]]; then
		_irm_arg "$tool" "$cmd" "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"
		return 0
	fi
	if [[ -n $optarg ]]; then
		[[ $cur == = ]] && cur=
		_irm_arg "$tool" "$cmd" "$prev" "$cur" || COMPREPLY=()
		return 0
	fi
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "$(_irm_table "$tool" ${cmd:+"$cmd"} | cut -d $'\037' -f 1)" -- "$cur")
		return 0
	fi

	case $name in
	irm-case)
		if [[ -z $cmd ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$(command "$tool" --help \
			    2>/dev/null | sed -n '/^The commands are:/,/^$/{
			    s/^  \([a-z][a-z]*\) .*/\1/p;}')" -- "$cur")
		elif [[ $cmd == resolve && $operands == 1 ]]; then
			mapfile -t COMPREPLY < <(compgen -W "benign violation" \
			    -- "$cur")
		elif [[ $cmd == notice || $cmd == reveal || $cmd == show ||
		    $cmd == confirm || $cmd == dismiss || $cmd == note ||
		    $cmd == resolve || $cmd == verify || $cmd == list ]]; then
			: # ids, names and text: nothing to offer
		fi
		;;
	irm-fetch)
		if [[ $operands == 0 ]]; then
			mapfile -t COMPREPLY < <(compgen -W "o365 graph url" \
			    -- "$cur")
		fi
		;;
	irm-gen)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		;;
	*)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		;;
	esac
	return 0
}

complete -F _irm irm-case irm-fetch irm-gen irm-norm irm-report irm-score
