# SYNTAX TEST "source.4gl.logix" "numbers: integers and decimals, not digits inside names"

   LET m_ind = 2000
#              ^^^^ constant.numeric.integer.4gl
   PRINT COLUMN 060
#               ^^^ constant.numeric.integer.4gl
   LET l_v = 15.3 + .5 + 2. - 1.5e3
#            ^^^^ constant.numeric.decimal.4gl
#                   ^^ constant.numeric.decimal.4gl
#                        ^^ constant.numeric.decimal.4gl
#                             ^^^^^ constant.numeric.decimal.4gl
#                           ^ keyword.operator.arithmetic.4gl
   DEFINE qtd DECIMAL(15,3)
#                     ^^ constant.numeric.integer.4gl
#                       ^ punctuation.separator.comma.4gl
#                        ^ constant.numeric.integer.4gl
   OPEN WINDOW w AT 2,2
#                   ^ constant.numeric.integer.4gl
#                     ^ constant.numeric.integer.4gl
   CALL pol9001_relat(log1400, m_ind2)
#          ^^^^ - constant.numeric.integer.4gl
#                        ^^^^ - constant.numeric.integer.4gl
#                                   ^ - constant.numeric.integer.4gl
   LET ma_saldos[10].qtd = ma_x[m_ind + 1]
#                ^^ constant.numeric.integer.4gl
#                                       ^ constant.numeric.integer.4gl
