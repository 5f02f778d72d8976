# SYNTAX TEST "source.4gl.logix" "comments: # and -- to end of line, --# lines, { } blocks"

#-------------------------------------------------------------------#
# <- comment.line.number-sign.4gl punctuation.definition.comment.4gl
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.4gl

   LET x = 1 # IF THEN "not a string" { not a block
#  ^^^ keyword.control.statement.4gl
#            ^ comment.line.number-sign.4gl punctuation.definition.comment.4gl
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.4gl
#               ^^ - keyword.control.conditional.4gl
#                       ^^^^^^^^^^^^^^ - string.quoted.double.4gl
#                                        ^ - comment.block.4gl
   LET y = 2
#  ^^^ keyword.control.statement.4gl - comment.line.number-sign.4gl comment.block.4gl

-- a double-dash comment with END IF and 'quote'
# <-- comment.line.double-dash.4gl punctuation.definition.comment.4gl
#  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-dash.4gl
#                              ^^^^^^ - keyword.control.conditional.4gl
#                                         ^^^^^^^ - string.quoted.single.4gl
      RETURN -- trailing
#     ^^^^^^ keyword.control.flow.4gl
#            ^^ comment.line.double-dash.4gl punctuation.definition.comment.4gl
#              ^^^^^^^^^ comment.line.double-dash.4gl

         --# CALL fgl_winmessage("Aviso", "Limite de 2000 locais atingido", "info")
#        ^^ comment.line.double-dash.4gl punctuation.definition.comment.4gl
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-dash.4gl
#            ^^^^ - keyword.control.statement.4gl
#                 ^^^^^^^^^^^^^^ - support.function.builtin.4gl
#                                ^^^^^^^ - string.quoted.double.4gl

   LET z = 10 - 3
#          ^^ constant.numeric.integer.4gl
#             ^ keyword.operator.arithmetic.4gl - comment.line.double-dash.4gl

   { a one-line block comment } LET w = 5
#  ^ comment.block.4gl punctuation.definition.comment.begin.4gl
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.4gl
#                             ^ comment.block.4gl punctuation.definition.comment.end.4gl
#                               ^^^ keyword.control.statement.4gl - comment.block.4gl

   { o filtro abaixo e montado com virgulas e CLIPPED,
#  ^ comment.block.4gl punctuation.definition.comment.begin.4gl
#                                             ^^^^^^^ comment.block.4gl - keyword.operator.word.4gl
     e nao com ||, # nem --, como e comum no Logix
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.4gl
#              ^^ - keyword.operator.concatenation.4gl
#                  ^ - comment.line.number-sign.4gl
#                      ^^ - comment.line.double-dash.4gl
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","vdp9100")   desativado
# <-- comment.block.4gl
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.4gl
# ^^^^ - keyword.control.statement.4gl
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ - support.function.license.4gl
#                                         ^^^^^ - string.quoted.double.4gl
   }
#  ^ comment.block.4gl punctuation.definition.comment.end.4gl
   END FUNCTION
#  ^^^^^^^^^^^^ storage.type.function.4gl - comment.block.4gl

{
# <- comment.block.4gl punctuation.definition.comment.begin.4gl
   a { does not nest: the first } SELECT 1
#  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.4gl
#                               ^ comment.block.4gl punctuation.definition.comment.end.4gl
#                                 ^^^^^^ keyword.other.sql.4gl - comment.block.4gl
#                                        ^ constant.numeric.integer.4gl
