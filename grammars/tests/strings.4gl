# SYNTAX TEST "source.4gl.logix" "strings: both quotes, escapes, and #, -- and { inside them"

   PRINT COLUMN 060, "PAG. ", PAGENO USING "####&"
#                    ^ string.quoted.double.4gl punctuation.definition.string.begin.4gl
#                     ^^^^^ string.quoted.double.4gl
#                          ^ string.quoted.double.4gl punctuation.definition.string.end.4gl
#                             ^^^^^^ variable.language.4gl
#                                    ^^^^^ keyword.other.report.4gl
#                                          ^^^^^^^ string.quoted.double.4gl
#                                           ^^^^ - comment.line.number-sign.4gl
   PRINT COLUMN 001, lr_saldo.qtd_saldo USING "###,###,##&.&&&"
#                                             ^^^^^^^^^^^^^^^^^ string.quoted.double.4gl - comment.line.number-sign.4gl

   PRINT COLUMN 001, "SALDOS POR LOCAL { valores em unidades }"
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.4gl
#                                      ^ - comment.block.4gl
   LET m_sql = " {INT} ", m_x CLIPPED
#              ^^^^^^^^^ string.quoted.double.4gl - comment.block.4gl
#                       ^ punctuation.separator.comma.4gl - string.quoted.double.4gl
#                             ^^^^^^^ keyword.operator.word.4gl - comment.block.4gl

   LET m_sql = "SELECT a -- not a comment", ' WHERE b = ''x'' # nor this'
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.4gl
#                        ^^^^^^^^^^^^^^^^ - comment.line.double-dash.4gl
#               ^^^^^^ - keyword.other.sql.4gl
#                                           ^ string.quoted.single.4gl punctuation.definition.string.begin.4gl
#                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.4gl
#                                                             ^^^^^^^^^^ - comment.line.number-sign.4gl
#                                                                       ^ string.quoted.single.4gl punctuation.definition.string.end.4gl
   LET l_x = 'it''s -- fine' -- but this is a comment
#            ^^^^^ string.quoted.single.4gl
#                 ^^^^^^^^^^ string.quoted.single.4gl
#                            ^^ comment.line.double-dash.4gl punctuation.definition.comment.4gl

   LET l_msg = "He said \"END IF\" # here", 'C:\\temp\\' # after
#              ^ string.quoted.double.4gl punctuation.definition.string.begin.4gl
#                       ^^ string.quoted.double.4gl constant.character.escape.4gl
#                         ^^^^^^ string.quoted.double.4gl - keyword.control.conditional.4gl
#                               ^^ string.quoted.double.4gl constant.character.escape.4gl
#                                 ^^^^^^^ string.quoted.double.4gl - comment.line.number-sign.4gl
#                                        ^ string.quoted.double.4gl punctuation.definition.string.end.4gl
#                                           ^ string.quoted.single.4gl punctuation.definition.string.begin.4gl
#                                              ^^ string.quoted.single.4gl constant.character.escape.4gl
#                                                    ^^ string.quoted.single.4gl constant.character.escape.4gl
#                                                      ^ string.quoted.single.4gl punctuation.definition.string.end.4gl
#                                                        ^^^^^^^ comment.line.number-sign.4gl

   CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPLOG","vdp9100,vdp9150,"||
#                                          ^^^^^^^^ string.quoted.double.4gl
#                                                   ^^^^^^^^^^^^^^^^^^ string.quoted.double.4gl
#                                                                     ^^ keyword.operator.concatenation.4gl - string.quoted.double.4gl
                                           "man10021")
#                                          ^^^^^^^^^^ string.quoted.double.4gl
#                                                    ^ punctuation.section.parens.end.4gl - string.quoted.double.4gl

   ERROR "an unterminated string stops at the end of its line
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.4gl
   END IF
#  ^^^^^^ keyword.control.conditional.4gl - string.quoted.double.4gl
   DISPLAY 'the same for single quotes
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.4gl
   RETURN
#  ^^^^^^ keyword.control.flow.4gl - string.quoted.single.4gl
